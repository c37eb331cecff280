package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.model.PredefinedNamespaces;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What license and group property values share: one value per object, set (merge) and deleted one
 * at a time, each naming its definition ({@code namespace/name}, the namespace being the owning
 * app's Client ID).
 */
abstract class PropertyValueKind extends DeclaredKind implements Setter, Deleter {

  /**
   * Property values are written {@code {<namespace>: {<name>: value}}} (per group one level more).
   */
  @Override
  public Optional<Kind.MapForm> mapForm() {
    return Optional.of(
        new Kind.MapForm(
            "value", v -> v.isValueNode() && !v.isNull() ? Optional.of(v) : Optional.empty()));
  }

  /** The request body of a value write: {@code {properties: …}}. */
  static ObjectNode wrap(ObjectNode properties) {
    ObjectNode body = Json.object();
    body.set("properties", properties);
    return body;
  }

  PropertyValueKind(Kind kind) {
    super(kind, Scope.APP);
  }

  /** Sends {@code {namespace: {name: value}}} for the value's owner. */
  abstract void write(WriteContext ctx, ObjectNode spec, ObjectNode values);

  /** Sends {@code {namespace: [name]}} for the value's owner. */
  abstract void erase(WriteContext ctx, ObjectNode spec, ObjectNode names);

  @Override
  public void set(WriteContext ctx, ObjectNode desired) {
    ObjectNode values = Json.object();
    values
        .putObject(Json.text(desired, "namespace"))
        .set(Json.text(desired, "name"), desired.get("value").deepCopy());
    write(ctx, desired, values);
  }

  @Override
  public void delete(WriteContext ctx, String liveId, ObjectNode live) {
    ObjectNode names = Json.object();
    names.putArray(Json.text(live, "namespace")).add(Json.text(live, "name"));
    erase(ctx, live, names);
  }

  /**
   * Marks a value that equals its definition's {@code default_value}: LiveChat lists defaults as if
   * they were set, so such a value is never pruned (deleting it would only show it again).
   */
  static LiveObject marked(LiveObject value, Map<String, JsonNode> defaults) {
    JsonNode dflt =
        defaults.get(Json.text(value.spec(), "namespace") + "/" + Json.text(value.spec(), "name"));
    if (dflt == null || !Json.same(dflt, value.spec().get("value"))) {
      return value;
    }
    ObjectNode spec = value.spec().deepCopy().put(LiveObject.API_DEFAULT, true);
    return new LiveObject(value.kind(), value.liveId(), spec);
  }

  /**
   * Each value of {@code {ns:{name:value}}} in a namespace chatform manages, as a live object
   * (marked when it is its definition's default): the {@code test} and predefined public namespaces
   * ({@code core}, {@code limits}, …) every license has belong to no app, so they are never read,
   * exported or pruned.
   */
  void shapeEach(
      JsonNode byNamespace,
      Reading reading,
      ObjectNode prefix,
      String idPrefix,
      List<LiveObject> out) {
    for (Map.Entry<String, JsonNode> ns : iterable(byNamespace)) {
      if (!PredefinedNamespaces.managed(ns.getKey())) {
        continue;
      }
      for (Map.Entry<String, JsonNode> v : iterable(ns.getValue())) {
        ObjectNode spec = prefix.deepCopy().put("namespace", ns.getKey()).put("name", v.getKey());
        spec.set("value", v.getValue().deepCopy());
        LiveObject o = new LiveObject(kind(), idPrefix + ns.getKey() + "/" + v.getKey(), spec);
        out.add(marked(o, reading.defaults()));
      }
    }
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }

  /** Nested objects along the identity ({@code ns: {name: value}}), as the manifest writes them. */
  @Override
  public void export(ObjectNode doc, List<LiveObject> objects) {
    ObjectNode values = doc.putObject(section());
    List<String> path = kind().identityFields();
    for (LiveObject v : objects) {
      ObjectNode at = values;
      for (String field : path.subList(0, path.size() - 1)) {
        at = Exporter.child(at, Json.text(v.spec(), field));
      }
      at.set(Json.text(v.spec(), path.get(path.size() - 1)), v.spec().get("value"));
    }
  }
}
