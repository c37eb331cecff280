package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.api.AnswerReader;
import io.chatform.api.ApiMethod;
import io.chatform.api.CreateProbe;
import io.chatform.api.Created;
import io.chatform.api.Lists;
import io.chatform.api.LiveChatClient;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Future;

/**
 * Property definitions: register, publish (irreversible), unregister. The API has no update, so any
 * change but publishing is a replace (which loses the property's values). {@code publish} is
 * normalised to the list of published access types ({@code true} = read and write, {@code false} =
 * none); a published property can never be unregistered.
 */
public final class PropertyKind extends DeclaredKind implements Creator, Updater, Deleter {
  /** Registers a definition; found again by owner_client_id + name. */
  public static final ApiMethod<Created> REGISTER =
      ApiMethod.create("register_property", PropertyKind::probe, AnswerReader.CREATED_BY_IDENTITY);

  private static final ApiMethod<JsonNode> UNREGISTER = ApiMethod.delete("unregister_property");
  private static final ApiMethod<JsonNode> PUBLISH = ApiMethod.update("publish_property");

  /** The definitions of one app as objects named by their {@code name}, for the probe. */
  private static final ApiMethod<List<ObjectNode>> NAMES =
      ApiMethod.read(
          "list_properties",
          a ->
              Lists.PROPERTIES.reader().read(a).keySet().stream()
                  .map(n -> Json.object().put("name", n))
                  .toList());

  PropertyKind() {
    super(Kind.PROPERTIES, Scope.APP_LISTED);
  }

  @Override
  public void check(ManifestCheck check, List<? extends Declared> declared) {
    check.propertyDefinitions(declared, check.manages(kind()));
  }

  /**
   * Property definitions have no id: the name is the identity. After an unregister of the same name
   * a listed definition may be the old one, so it proves nothing; the API's own uniqueness check
   * ({@code already_exists} on register) decides instead.
   */
  private static Optional<CreateProbe.Search> probe(ObjectNode body) {
    Optional<String> owner = CreateProbe.text(body, "owner_client_id");
    Optional<String> name = CreateProbe.text(body, "name");
    if (owner.isEmpty() || name.isEmpty()) {
      return Optional.empty();
    }
    String id = owner.get() + "/" + name.get();
    return Optional.of(
        new CreateProbe.Search(
            Kind.PROPERTIES,
            NAMES,
            Json.object().put("owner_client_id", owner.get()),
            o -> name.equals(CreateProbe.text(o, "name")),
            true,
            Optional.of(
                new CreateProbe.WithoutId(
                    id, "property " + id + " was unregistered by this apply"))));
  }

  public static void registerProperty(LiveChatClient client, ObjectNode definition) {
    client.create(Kind.PROPERTIES, REGISTER, definition);
  }

  public static void unregisterProperty(LiveChatClient client, String ownerClientId, String name) {
    ObjectNode body = Json.object().put("name", name).put("owner_client_id", ownerClientId);
    String id = ownerClientId + "/" + name;
    client.delete(Kind.PROPERTIES, UNREGISTER, body, id, id);
  }

  /** Publishing is irreversible: a published property can never be unregistered. */
  public static void publishProperty(
      LiveChatClient client, String ownerClientId, String name, List<String> accessType) {
    ObjectNode body = Json.object().put("name", name).put("owner_client_id", ownerClientId);
    ArrayNode at = body.putArray("access_type");
    accessType.forEach(at::add);
    client.call(PUBLISH, body);
  }

  static final List<String> FIELDS =
      List.of(
          "owner_client_id",
          "name",
          "type",
          "access",
          "description",
          "domain",
          "range",
          "default_value");

  @Override
  public boolean replaceableOnRequest() {
    return true;
  }

  @Override
  public boolean replaces(String field) {
    return !field.equals("publish");
  }

  @Override
  public ObjectNode normalize(ObjectNode spec) {
    ObjectNode copy = spec.deepCopy();
    if (copy.has("publish")) {
      copy.set("publish", publishList(copy.get("publish")));
    }
    if (copy.get("access") instanceof ObjectNode access) {
      access
          .fields()
          .forEachRemaining(
              e -> {
                if (e.getValue() instanceof ObjectNode who) {
                  who.fields()
                      .forEachRemaining(
                          w -> {
                            if (w.getValue().isArray()) {
                              w.setValue(Json.sorted(w.getValue()));
                            }
                          });
                }
              });
    }
    if (copy.path("domain").isArray()) {
      copy.set("domain", Json.sorted(copy.get("domain")));
    }
    return copy;
  }

  /** The access types published: {@code true} → [read, write], {@code false}/absent → []. */
  static ArrayNode publishList(JsonNode publish) {
    ArrayNode out = Json.array();
    if (publish == null || publish.isNull() || publish.isMissingNode()) {
      return out;
    }
    if (publish.isBoolean()) {
      if (publish.asBoolean()) {
        out.add("read").add("write");
      }
      return out;
    }
    return Json.sorted(publish);
  }

  /** The access types a spec publishes. */
  private static Set<String> published(JsonNode spec) {
    Set<String> out = new TreeSet<>();
    publishList(spec.get("publish")).forEach(n -> out.add(n.asText()));
    return out;
  }

  @Override
  public Optional<Protection> protection(LiveObject live, Optional<String> callerAgentId) {
    return published(live.spec()).isEmpty()
        ? Optional.empty()
        : Optional.of(new Protection("a published property can never be unregistered", false));
  }

  @Override
  public Optional<String> irreversibleCreate(ObjectNode desired) {
    return published(desired).isEmpty()
        ? Optional.empty()
        : Optional.of("publishing is irreversible");
  }

  @Override
  public Review review(ObjectNode desired, ObjectNode live, Set<String> changed, boolean forced) {
    List<String> said = new ArrayList<>();
    Set<String> fields = new LinkedHashSet<>(changed);
    Set<String> dropped = Set.of();
    if (!published(desired).containsAll(published(live))) {
      said.add("publishing cannot be undone; keep publish as it is");
      fields.remove("publish");
      dropped = Set.of("publish");
      if (fields.isEmpty() && !forced) {
        return Review.skip(said);
      }
    }
    boolean replace = forced || fields.stream().anyMatch(this::replaces);
    if (replace && !published(live).isEmpty()) {
      said.add(
          "not replaced: a published property can never be unregistered, so its definition"
              + " cannot change; register a new property under another name");
      return Review.skip(said);
    }
    String note =
        replace ? "replacing a property deletes its values" : "publishing is irreversible";
    return new Review(said, dropped, false, true, List.of(note));
  }

  @Override
  public void create(WriteContext ctx, ObjectNode desired, Optional<String> moveBefore) {
    ObjectNode body = Json.copyFields(desired, Json.object(), FIELDS);
    registerProperty(ctx.client(), body);
    publish(ctx, desired);
  }

  @Override
  public void update(
      WriteContext ctx, String liveId, ObjectNode desired, ObjectNode live, Optional<String> m) {
    publish(ctx, desired); // the only change a definition allows in place
  }

  @Override
  public void delete(WriteContext ctx, String liveId, ObjectNode live) {
    unregisterProperty(ctx.client(), Json.text(live, "owner_client_id"), Json.text(live, "name"));
  }

  private static void publish(WriteContext ctx, ObjectNode desired) {
    List<String> access = new ArrayList<>();
    publishList(desired.get("publish")).forEach(a -> access.add(a.asText()));
    if (!access.isEmpty()) {
      publishProperty(
          ctx.client(), Json.text(desired, "owner_client_id"), Json.text(desired, "name"), access);
    }
  }

  @Override
  public Listing list(Reading reading) {
    Map<String, Future<Map<String, ObjectNode>>> answers =
        reading.perOwner(owner -> () -> withoutLeases(reading.client().listProperties(owner)));
    return () -> {
      List<LiveObject> defs = new ArrayList<>();
      for (var e : answers.entrySet()) {
        Reading.get(e.getValue())
            .forEach(
                (name, def) -> {
                  defs.add(shape(e.getKey(), name, def));
                  if (def.has("default_value")) {
                    reading.defaults().put(e.getKey() + "/" + name, def.get("default_value"));
                  }
                });
      }
      return defs;
    };
  }

  static LiveObject shape(String owner, String name, JsonNode def) {
    ObjectNode spec = Json.object().put("owner_client_id", owner).put("name", name);
    Json.copyFields(
        def, spec, List.of("type", "access", "description", "domain", "range", "default_value"));
    JsonNode published = def.get("public_access");
    spec.set(
        "publish",
        published != null && published.isArray() && published.size() > 0
            ? published.deepCopy()
            : Json.F.booleanNode(false));
    return new LiveObject(Kind.PROPERTIES, owner + "/" + name, spec);
  }

  /**
   * The account lock's lease records (chatform_lease_*, docs/locking.md) are chatform's own
   * bookkeeping, never part of any plan, drift report or export.
   */
  private static Map<String, ObjectNode> withoutLeases(Map<String, ObjectNode> defs) {
    Map<String, ObjectNode> out = new java.util.LinkedHashMap<>(defs);
    out.keySet().removeIf(io.chatform.model.LeaseNames::isLease);
    return out;
  }
}
