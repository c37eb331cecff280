package io.chatform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks property definitions for consistency and property values (license and group) against their
 * definitions: type, domain, range and the location the definition grants access to.
 */
final class PropertyCheck {
  private final SemanticCheck semantic;
  private final boolean definitionsManaged;
  private final Map<String, Item> definitions = new HashMap<>();

  PropertyCheck(SemanticCheck semantic, List<Item> definitions, boolean definitionsManaged) {
    this.semantic = semantic;
    this.definitionsManaged = definitionsManaged;
    for (Item d : definitions) {
      this.definitions.putIfAbsent(
          d.text("owner_client_id").orElse("") + "/" + d.text("name").orElse(""), d);
      definition(d);
    }
  }

  /** Values against their definitions; {@code where} names them in messages (license, group). */
  void values(List<Item> values, String where) {
    values.forEach(v -> value(v, where));
  }

  private void definition(Item d) {
    JsonNode domain = d.spec().get("domain");
    JsonNode range = d.spec().get("range");
    String type = d.text("type").orElse("");
    if (domain != null && range != null) {
      semantic.report(d, "/range", "domain and range cannot be used together", "keep one of them");
    }
    if (range != null && range.isObject()) {
      if (!type.equals("int")) {
        semantic.report(
            d, "/range", "range is only for properties of type int", "use domain, or type: int");
      }
      JsonNode from = range.get("from");
      JsonNode to = range.get("to");
      for (String end : List.of("from", "to")) {
        JsonNode n = range.get(end);
        if (n != null && n.isIntegralNumber() && !int32(n)) {
          semantic.report(
              d,
              "/range/" + end,
              "range." + end + " " + n + " is outside int " + INT32,
              "use a smaller number");
        }
      }
      if (from != null
          && to != null
          && from.isIntegralNumber()
          && to.isIntegralNumber()
          && from.asLong() > to.asLong()) {
        semantic.report(
            d,
            "/range/to",
            "range ends (" + to.asLong() + ") before it starts (" + from.asLong() + ")",
            "make from ≤ to");
      }
    }
    if (domain != null && domain.isArray()) {
      for (int i = 0; i < domain.size(); i++) {
        if (type.equals("int") && domain.get(i).isIntegralNumber() && !int32(domain.get(i))) {
          semantic.report(
              d,
              "/domain/" + i,
              "domain value " + domain.get(i) + " does not fit an int property " + INT32,
              "use a smaller number");
        } else if (!fitsType(type, domain.get(i))) {
          semantic.report(
              d,
              "/domain/" + i,
              "domain value "
                  + SchemaMessages.show(domain.get(i), "", Map.of())
                  + " is not of type "
                  + type,
              "write a " + type + " value");
        }
      }
    }
    JsonNode def = d.spec().get("default_value");
    JsonNode access = d.spec().get("access");
    if (def != null
        && access != null
        && access.isObject()
        && !access.isEmpty()
        && !access.has("license")
        && !access.has("group")) {
      semantic.report(
          d,
          "/default_value",
          "default_value is only for properties with license or group access",
          "remove default_value, or add license or group to access");
    }
    if (def != null) {
      misfit(d, def, d, "/default_value")
          .ifPresent(
              m ->
                  semantic.report(
                      d,
                      "/default_value",
                      "default_value " + m,
                      "change the default or the definition"));
    }
  }

  private void value(Item v, String location) {
    String ns = v.spec().path("namespace").asText();
    String name = v.spec().path("name").asText();
    Item def = definitions.get(ns + "/" + name);
    if (def == null) {
      if (definitionsManaged) {
        List<String> names =
            definitions.keySet().stream()
                .filter(k -> k.startsWith(ns + "/"))
                .map(k -> k.substring(ns.length() + 1))
                .toList();
        semantic.reportKey(
            v,
            "",
            "property " + ns + "/" + name + " has no definition in properties",
            Suggestions.closest(name, names)
                .map(n -> "did you mean '" + n + "'?")
                .orElse("declare it under properties with owner_client_id " + ns));
      }
      return;
    }
    JsonNode value = v.spec().get("value");
    misfit(def, value, v, "/value")
        .ifPresent(
            m ->
                semantic.report(
                    v,
                    "",
                    "value " + m + " (definition at " + def.location() + ")",
                    "change the value or the definition"));
    JsonNode access = def.spec().get("access");
    if (access != null && access.isObject() && !access.has(location)) {
      semantic.report(
          v,
          "",
          "property "
              + ns
              + "/"
              + name
              + " has no "
              + location
              + " access in its definition (at "
              + def.location()
              + ")",
          "add " + location + ": {agent: [read, write]} to its access");
    }
  }

  /**
   * Why {@code value} (field {@code rel} of {@code owner}) does not fit the definition {@code def},
   * if it does not; a value from a secret is shown as its reference.
   */
  private Optional<String> misfit(Item def, JsonNode value, Item owner, String rel) {
    if (value == null) {
      return Optional.empty();
    }
    String type = def.text("type").orElse("");
    String shown = owner.show(rel, value);
    if (!fitsType(type, value)) {
      return Optional.of(shown + " is not of type " + type);
    }
    if (!owner.known(rel)) {
      return Optional.empty(); // an unresolved reference: only its type is known offline
    }
    if (type.equals("int") && !int32(value)) {
      return Optional.of(shown + " does not fit an int property " + INT32);
    }
    JsonNode domain = def.spec().get("domain");
    if (domain != null && domain.isArray()) {
      for (JsonNode allowed : domain) {
        if (allowed.equals(value)) {
          return Optional.empty();
        }
      }
      List<String> names = new java.util.ArrayList<>();
      domain.forEach(d -> names.add(d.asText()));
      return Optional.of(shown + " is not in the domain [" + String.join(", ", names) + "]");
    }
    JsonNode range = def.spec().get("range");
    if (range != null && value.isIntegralNumber()) {
      // register_property: range.from and range.to are each optional (a one-sided range).
      JsonNode from = range.path("from");
      JsonNode to = range.path("to");
      long n = value.asLong();
      if ((from.isIntegralNumber() && n < from.asLong())
          || (to.isIntegralNumber() && n > to.asLong())) {
        return Optional.of(
            shown
                + " is outside the range "
                + (from.isIntegralNumber() ? from.asText() : "")
                + ".."
                + (to.isIntegralNumber() ? to.asText() : ""));
      }
    }
    return Optional.empty();
  }

  /** "Property types: int (int32)" (configuration-api, Properties). */
  static final String INT32 = "(int32: -2147483648 to 2147483647)";

  static boolean int32(JsonNode v) {
    return v.isIntegralNumber() && v.canConvertToInt();
  }

  private static boolean fitsType(String type, JsonNode v) {
    return switch (type) {
      case "int" -> v.isIntegralNumber();
      case "bool" -> v.isBoolean();
      case "string", "tokenized_string" -> v.isTextual();
      default -> true; // unknown type: the schema reported it
    };
  }
}
