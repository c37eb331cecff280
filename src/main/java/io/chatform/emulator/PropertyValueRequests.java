package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Reads the {@code properties} of a value write or delete (license or group) into checked entries
 * before anything is stored, against the registered definitions and the predefined namespaces
 * ({@link PredefinedProperties}) every license has.
 */
final class PropertyValueRequests {
  /** One validated value write (or, with an empty value, one name to delete). */
  record Entry(String ns, String name, Optional<JsonNode> value) {}

  private final BiFunction<String, String, Optional<PropertyDefinition>> registered;

  /** {@code registered}: (namespace, name) → the definition a Client ID registered. */
  PropertyValueRequests(BiFunction<String, String, Optional<PropertyDefinition>> registered) {
    this.registered = registered;
  }

  /**
   * Validates every value of {@code properties:{ns:{name:value}}} before any is stored: the
   * namespace is the owning Client ID, which must have registered the property with {@code
   * location} in its access, and the value must fit the type/domain/range.
   */
  List<Entry> writes(ObjectNode body, String location) {
    List<Entry> out = new ArrayList<>();
    ObjectNode properties = BodyFields.requiredObject(body, "", "properties");
    Iterator<Map.Entry<String, JsonNode>> namespaces = properties.fields();
    while (namespaces.hasNext()) {
      Map.Entry<String, JsonNode> ns = namespaces.next();
      String nsPath = "properties." + ns.getKey();
      if (!ns.getValue().isObject()) {
        throw ApiError.validation(nsPath + " must be an object of name: value");
      }
      Iterator<Map.Entry<String, JsonNode>> names = ns.getValue().fields();
      while (names.hasNext()) {
        Map.Entry<String, JsonNode> v = names.next();
        String path = nsPath + "." + v.getKey();
        PropertyDefinition def = registered.apply(ns.getKey(), v.getKey()).orElse(null);
        if (def == null && PredefinedProperties.isPredefined(ns.getKey())) {
          def =
              PredefinedProperties.find(ns.getKey(), v.getKey())
                  .orElseThrow(
                      () ->
                          ApiError.validation(
                              path
                                  + ": "
                                  + ns.getKey()
                                  + " is a predefined namespace without a property "
                                  + v.getKey()
                                  + " (properties cannot be added to it)"));
          if (def.hasLocation(location)) {
            PredefinedProperties.checkWritable(def, location, path);
          }
        }
        if (def == null) {
          throw ApiError.validation(
              path
                  + ": no property "
                  + v.getKey()
                  + " is registered by Client ID "
                  + ns.getKey()
                  + " (the namespace is the owning Client ID)");
        }
        if (!def.hasLocation(location)) {
          throw ApiError.validation(
              path + ": property " + v.getKey() + " has no " + location + " location in access");
        }
        PropertyValueChecker.check(def, v.getValue(), path);
        out.add(new Entry(ns.getKey(), v.getKey(), Optional.of(v.getValue())));
      }
    }
    return out;
  }

  /**
   * The names of {@code properties:{ns:[names]}}. Deleting a value that is not set is a no-op
   * (undocumented; idempotent is the safe reading).
   */
  static List<Entry> deletes(ObjectNode body, String location) {
    List<Entry> out = new ArrayList<>();
    ObjectNode properties = BodyFields.requiredObject(body, "", "properties");
    Iterator<Map.Entry<String, JsonNode>> namespaces = properties.fields();
    while (namespaces.hasNext()) {
      Map.Entry<String, JsonNode> ns = namespaces.next();
      String nsPath = "properties." + ns.getKey();
      if (!ns.getValue().isArray()) {
        throw ApiError.validation(nsPath + " must be an array of property names");
      }
      for (int i = 0; i < ns.getValue().size(); i++) {
        JsonNode name = ns.getValue().get(i);
        if (!name.isTextual()) {
          throw ApiError.validation(nsPath + "[" + i + "] must be a property name");
        }
        PredefinedProperties.find(ns.getKey(), name.asText())
            .filter(def -> def.hasLocation(location))
            .ifPresent(
                def ->
                    PredefinedProperties.checkWritable(
                        def, location, nsPath + "[" + name.asText() + "]"));
        out.add(new Entry(ns.getKey(), name.asText(), Optional.empty()));
      }
    }
    return out;
  }
}
