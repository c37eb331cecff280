package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One registered property definition, immutable because the API has no update method: a changed
 * definition is unregister + register.
 *
 * @param access location → {agent|customer → [read|write]}, as registered
 * @param publicAccess what {@code publish_property} granted (empty until published; never shrinks)
 */
record PropertyDefinition(
    String name,
    String ownerClientId,
    String type,
    ObjectNode access,
    Optional<String> description,
    Optional<ArrayNode> domain,
    Optional<ObjectNode> range,
    Optional<JsonNode> defaultValue,
    List<String> publicAccess) {

  PropertyDefinition {
    publicAccess = List.copyOf(publicAccess);
  }

  boolean published() {
    return !publicAccess.isEmpty();
  }

  /** True when the definition allows values at {@code location} (license or group). */
  boolean hasLocation(String location) {
    return access.has(location);
  }

  /** A copy whose public access is the union of the old one and {@code granted}, read first. */
  PropertyDefinition publishedWith(List<String> granted) {
    List<String> union = new ArrayList<>();
    for (String a : List.of("read", "write")) {
      if (publicAccess.contains(a) || granted.contains(a)) {
        union.add(a);
      }
    }
    return new PropertyDefinition(
        name, ownerClientId, type, access, description, domain, range, defaultValue, union);
  }

  /**
   * The shape {@code list_properties} answers for one name, as documented (payload {@code
   * listProperties.json}): {@code {type, description, access, public_access?}} keyed by name, so no
   * {@code name} or {@code owner_client_id} inside, and {@code description} always present ({@code
   * ""} when none was registered). {@code domain}, {@code range} and {@code default_value} are
   * undocumented in the answer; they are returned when registered (the safe reading: a reader can
   * compare them).
   */
  ObjectNode listed() {
    ObjectNode out = toJson();
    out.remove("name");
    out.remove("owner_client_id");
    ObjectNode ordered = BodyFields.JSON.objectNode();
    ordered.put("type", type);
    ordered.put("description", description.orElse(""));
    out.fields().forEachRemaining(e -> ordered.set(e.getKey(), e.getValue()));
    return ordered;
  }

  /** The persisted state of the definition. */
  ObjectNode toJson() {
    ObjectNode out = BodyFields.JSON.objectNode();
    out.put("name", name);
    out.put("owner_client_id", ownerClientId);
    out.put("type", type);
    out.set("access", access.deepCopy());
    description.ifPresent(d -> out.put("description", d));
    domain.ifPresent(d -> out.set("domain", d.deepCopy()));
    range.ifPresent(r -> out.set("range", r.deepCopy()));
    defaultValue.ifPresent(v -> out.set("default_value", v.deepCopy()));
    if (published()) {
      ArrayNode pa = out.putArray("public_access");
      publicAccess.forEach(pa::add);
    }
    return out;
  }

  static PropertyDefinition fromJson(JsonNode json) {
    List<String> publicAccess = new ArrayList<>();
    json.path("public_access").forEach(a -> publicAccess.add(a.asText()));
    return new PropertyDefinition(
        json.path("name").asText(),
        json.path("owner_client_id").asText(),
        json.path("type").asText(),
        json.path("access").isObject()
            ? (ObjectNode) json.path("access").deepCopy()
            : BodyFields.JSON.objectNode(),
        BodyFields.present(json, "description").map(JsonNode::asText),
        BodyFields.present(json, "domain")
            .filter(JsonNode::isArray)
            .map(d -> (ArrayNode) d.deepCopy()),
        BodyFields.present(json, "range")
            .filter(JsonNode::isObject)
            .map(r -> (ObjectNode) r.deepCopy()),
        BodyFields.present(json, "default_value").map(JsonNode::deepCopy),
        publicAccess);
  }
}
