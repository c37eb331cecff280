package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a {@code register_property} body into a {@link PropertyDefinition}, so the module's
 * handler reads as "parse, check for duplicates, store".
 */
final class PropertyRegistration {
  static final Set<String> LOCATIONS = Set.of("chat", "thread", "event", "license", "group");
  private static final Set<String> ACTORS = Set.of("agent", "customer");
  private static final Set<String> RIGHTS = Set.of("read", "write");

  private PropertyRegistration() {}

  static PropertyDefinition parse(ObjectNode body, String owner) {
    String name = BodyFields.requiredString(body, "", "name");
    String type = BodyFields.requiredString(body, "", "type");
    if (!PropertyValueChecker.TYPES.contains(type)) {
      throw ApiError.validation(
          "type must be one of int, string, bool, tokenized_string, got " + type);
    }
    ObjectNode access = access(BodyFields.requiredObject(body, "", "access"));
    Optional<String> description = BodyFields.optionalString(body, "", "description");
    Optional<ArrayNode> domain = BodyFields.optionalArray(body, "", "domain");
    Optional<ObjectNode> range = BodyFields.optionalObject(body, "", "range");
    if (domain.isPresent() && range.isPresent()) {
      throw ApiError.validation("domain and range are mutually exclusive: give one of them");
    }
    domain.ifPresent(d -> checkDomain(type, d));
    range.ifPresent(r -> checkRange(type, r));
    Optional<JsonNode> defaultValue = BodyFields.present(body, "default_value");
    if (defaultValue.isPresent()) {
      if (!access.has("license") && !access.has("group")) {
        throw ApiError.validation(
            "default_value is only allowed when access has a license or group location");
      }
      PropertyValueChecker.check(type, domain, range, defaultValue.get(), "default_value");
    }
    return new PropertyDefinition(
        name,
        owner,
        type,
        access,
        description,
        domain.map(ArrayNode::deepCopy),
        range.map(ObjectNode::deepCopy),
        defaultValue.map(JsonNode::deepCopy),
        List.of());
  }

  /** The rights named in {@code access_type} of {@code publish_property}. */
  static List<String> accessType(ObjectNode body) {
    ArrayNode rights = BodyFields.requiredArray(body, "", "access_type");
    if (rights.isEmpty()) {
      throw ApiError.validation("access_type must name read and/or write");
    }
    return rights(rights, "access_type");
  }

  private static ObjectNode access(ObjectNode access) {
    if (access.isEmpty()) {
      throw ApiError.validation(
          "access must name at least one location (chat, thread, event, license, group)");
    }
    ObjectNode out = BodyFields.JSON.objectNode();
    Iterator<Map.Entry<String, JsonNode>> locations = access.fields();
    while (locations.hasNext()) {
      Map.Entry<String, JsonNode> location = locations.next();
      String path = "access." + location.getKey();
      if (!LOCATIONS.contains(location.getKey())) {
        throw ApiError.validation(
            path + " is not a location (chat, thread, event, license, group)");
      }
      if (!location.getValue().isObject()) {
        throw ApiError.validation(path + " must be an object");
      }
      if (location.getValue().isEmpty()) {
        // "access.<location>.<user>: min. one user" in every version's register_property.
        throw ApiError.validation(path + " must name at least one user (agent, customer)");
      }
      ObjectNode actors = out.putObject(location.getKey());
      Iterator<Map.Entry<String, JsonNode>> entries = location.getValue().fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> actor = entries.next();
        String actorPath = path + "." + actor.getKey();
        if (!ACTORS.contains(actor.getKey())) {
          throw ApiError.validation(actorPath + " is not agent or customer");
        }
        if (!actor.getValue().isArray()) {
          throw ApiError.validation(actorPath + " must be an array of read/write");
        }
        ArrayNode list = actors.putArray(actor.getKey());
        rights((ArrayNode) actor.getValue(), actorPath).forEach(list::add);
      }
    }
    return out;
  }

  private static List<String> rights(ArrayNode rights, String path) {
    for (int i = 0; i < rights.size(); i++) {
      if (!rights.get(i).isTextual() || !RIGHTS.contains(rights.get(i).asText())) {
        throw ApiError.validation(path + "[" + i + "] must be read or write");
      }
    }
    // Normalised to "read" before "write", without duplicates.
    return List.of("read", "write").stream().filter(r -> contains(rights, r)).toList();
  }

  private static boolean contains(ArrayNode rights, String right) {
    for (JsonNode r : rights) {
      if (r.asText().equals(right)) {
        return true;
      }
    }
    return false;
  }

  private static void checkDomain(String type, ArrayNode domain) {
    if (domain.isEmpty()) {
      throw ApiError.validation("domain must list at least one allowed value");
    }
    for (int i = 0; i < domain.size(); i++) {
      PropertyValueChecker.checkType(type, domain.get(i), "domain[" + i + "]");
    }
  }

  private static void checkRange(String type, ObjectNode range) {
    if (!type.equals("int")) {
      throw ApiError.validation("range is only allowed for type int, not " + type);
    }
    // Each bound is optional (every version's register_property table says "No" for both); a
    // given bound is an int32 like the values it limits. Other keys are unknown and refused.
    range
        .fieldNames()
        .forEachRemaining(
            f -> {
              if (!f.equals("from") && !f.equals("to")) {
                throw ApiError.validation("range." + f + " is not known; use from and/or to");
              }
            });
    for (String bound : List.of("from", "to")) {
      Optional<JsonNode> b = BodyFields.present(range, bound);
      if (b.isPresent() && !(b.get().isIntegralNumber() && b.get().canConvertToInt())) {
        throw ApiError.validation("range." + bound + " must be an int32 integer");
      }
    }
    if (range.hasNonNull("from")
        && range.hasNonNull("to")
        && range.get("from").asLong() > range.get("to").asLong()) {
      throw ApiError.validation(
          "range.from ("
              + range.get("from").asLong()
              + ") must not exceed range.to ("
              + range.get("to").asLong()
              + ")");
    }
  }
}
