package io.chatform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Our wording for JSON Schema errors: a short problem and an actionable hint ("did you mean …"),
 * never echoing a value that came from a secret reference.
 */
final class SchemaMessages {
  /**
   * @param childKey the error is about this child of the instance (unknown key)
   * @param atKey point at the key rather than the value
   */
  record Message(String message, String hint, Optional<String> childKey, boolean atKey) {
    static Message of(String message, String hint) {
      return new Message(message, hint, Optional.empty(), false);
    }
  }

  private SchemaMessages() {}

  /**
   * The {@code {type: null}} branch of an owned field's {@code anyOf} (null means unset, #16)
   * failing for a non-null value: never worth saying, the other branch says what is wrong.
   */
  static boolean nullBranch(Error e, JsonNode schemaRoot) {
    if (!"type".equals(String.valueOf(e.getKeyword()))) {
      return false;
    }
    JsonNode v = keywordValue(e, schemaRoot);
    return v != null && v.isTextual() && v.asText().equals("null");
  }

  static Message describe(Error e, String ptr, Map<String, String> sensitive, JsonNode schemaRoot) {
    JsonNode instance = e.getInstanceNode();
    JsonNode keywordValue = keywordValue(e, schemaRoot);
    String keyword = String.valueOf(e.getKeyword());
    switch (keyword) {
      case "additionalProperties" -> {
        String key = e.getProperty();
        List<String> allowed = new ArrayList<>();
        JsonNode owner = at(schemaRoot, parent(e.getSchemaLocation().getFragment()));
        if (owner != null && owner.has("properties")) {
          owner.get("properties").fieldNames().forEachRemaining(allowed::add);
        }
        return new Message(
            "unknown key '" + key + "'",
            allowed.isEmpty() ? "remove it" : Suggestions.hint(key, allowed),
            Optional.ofNullable(key),
            true);
      }
      case "propertyNames" -> {
        // Map-shaped sections: the key itself is wrong (e.g. not a Client ID).
        String key = e.getProperty() != null ? e.getProperty() : arg(e, 0);
        JsonNode names = keywordValue;
        if (names != null && names.has("$ref")) {
          String ref = names.get("$ref").asText();
          names = ref.startsWith("#/") ? schemaRoot.at(ref.substring(1)) : names;
        }
        String what =
            names != null && names.has("description")
                ? names.get("description").asText()
                : "a valid key here";
        return new Message(
            "key '" + key + "' is not " + what,
            formatHint(what, ptr),
            Optional.ofNullable(key),
            true);
      }
      case "required" -> {
        String key = e.getProperty() != null ? e.getProperty() : arg(e, 0);
        return Message.of("missing required key '" + key + "'", "add " + key + ": …");
      }
      case "type" -> {
        String expected = keywordValue == null ? "another type" : typeList(keywordValue);
        String found = typeName(instance);
        String hint = "write a value of type " + expected;
        if (sensitive.containsKey(ptr)) {
          // ${env:…}/${file:…} always give a string; numbers and booleans must be literal.
          return Message.of(
              "expected "
                  + expected
                  + ", found "
                  + sensitive.get(ptr)
                  + " (a reference gives text)",
              "references work only in string values; write the " + expected + " literally");
        }
        if (instance == null || instance.isNull()) {
          hint =
              ptr.lastIndexOf('/') == 0
                  ? "write [] to declare none, or remove '"
                      + ptr.substring(1)
                      + "' to leave it unmanaged"
                  : "write a value, or remove the key (null means unset only on the fields chatform"
                      + " owns: docs/manifests.md, Field ownership)";
        } else if (expected.equals("object")
            && instance.isTextual()
            && instance.asText().matches("[A-Za-z_]+:\\S.*")) {
          hint = "write a space after ':' so it reads as key: value, e.g. name: Support";
        } else if (expected.equals("boolean")
            && instance.isTextual()
            && instance.asText().matches("(?i)yes|no|on|off|y|n")) {
          // YAML 1.1 booleans; chatform reads YAML 1.2, where they are text.
          hint = "only true and false are booleans (YAML 1.2): write true or false";
        } else if (ptr.endsWith("/start") || ptr.endsWith("/end")) {
          hint = "write the time quoted, e.g. \"09:00\"";
        } else if (expected.equals("string") && !found.equals("object") && !found.equals("array")) {
          hint = "quote the value to make it a string";
        }
        return Message.of("expected " + expected + ", found " + found, hint);
      }
      case "enum" -> {
        List<String> options = new ArrayList<>();
        if (keywordValue != null && keywordValue.isArray()) {
          keywordValue.forEach(v -> options.add(v.asText()));
        }
        String shown = show(instance, ptr, sensitive);
        String hint =
            Suggestions.closest(instance == null ? "" : instance.asText(), options)
                .map(c -> "did you mean '" + c + "'?")
                .orElse("use one of the listed values");
        if (ptr.endsWith("/role") && "owner".equals(instance == null ? "" : instance.asText())) {
          hint = "the owner role cannot be set through the API; use viceowner";
        }
        if (ptr.matches(".*/(notifications|email_subscriptions)/\\d+")) {
          // create_agent/update_agent enumerate these (14 notifications, 2 subscriptions).
          hint =
              Suggestions.closest(instance == null ? "" : instance.asText(), options)
                  .map(c -> "did you mean '" + c + "'?")
                  .orElse("use one of: " + String.join(", ", options));
        }
        if (ptr.endsWith("/action") && options.size() > 8) {
          hint =
              Suggestions.closest(instance == null ? "" : instance.asText(), options)
                  .map(c -> "did you mean '" + c + "'?")
                  .orElse("see 'list_webhook_names' for the actions of your API version");
        }
        return Message.of(
            options.size() > 8
                ? shown + " is not a known value here"
                : shown + " is not one of: " + String.join(", ", options),
            hint);
      }
      case "const" -> {
        return Message.of(
            "must be " + (keywordValue == null ? "a fixed value" : keywordValue.toString()),
            "this chatform reads manifest format version 1");
      }
      case "maximum", "minimum" -> {
        String n = keywordValue == null ? "?" : keywordValue.asText();
        boolean max = keyword.equals("maximum");
        return Message.of(
            show(instance, ptr, sensitive)
                + " is "
                + (max ? "above the maximum " : "below the minimum ")
                + n,
            "use a value " + (max ? "of at most " : "of at least ") + n);
      }
      case "maxLength" -> {
        // Lengths are Unicode code points, as JSON Schema's maxLength counts them (not Java's
        // UTF-16
        // units): the docs say "Maximum: 180 characters" and call an emoji one character ("one
        // UTF-8 char like emoji 😁 can use up to 4 B", Agent Chat API data structures). The
        // emulator counts the same way; docs/manifests.md says so.
        String n = keywordValue == null ? "?" : keywordValue.asText();
        int length =
            instance == null ? 0 : instance.asText().codePointCount(0, instance.asText().length());
        return Message.of(
            "is " + length + " characters long, the limit is " + n,
            "shorten it to " + n + " characters or fewer");
      }
      case "minLength" -> {
        return Message.of("must not be empty", "write a non-empty value");
      }
      case "pattern" -> {
        JsonNode owner = at(schemaRoot, parent(e.getSchemaLocation().getFragment()));
        String what =
            owner != null && owner.has("description")
                ? owner.get("description").asText()
                : "a value matching "
                    + (keywordValue == null ? "the pattern" : keywordValue.asText());
        String hint = formatHint(what, ptr);
        if ((ptr.endsWith("/end") || ptr.endsWith("/start"))
            && instance != null
            && instance.asText().equals("24:00")) {
          // The docs give only the format ("in the format: HH:MM", v3.4 create_agent) and the API
          // refuses 24:00: the safe range is 00:00 to 23:59.
          hint = "times run from 00:00 to 23:59: end the day with \"23:59\"";
        }
        return Message.of(show(instance, ptr, sensitive) + " is not " + what, hint);
      }
      case "minItems" -> {
        return Message.of(
            "must have at least " + (keywordValue == null ? 1 : keywordValue.asInt()) + " item(s)",
            "add an item or remove the key");
      }
      case "uniqueItems" -> {
        return Message.of("has repeated items", "list each item once");
      }
      case "minProperties" -> {
        if (ptr.matches(".*/access/[a-z]+")) {
          // register_property: "access.<location>.<user>: min. one user".
          return Message.of(
              "an access location needs at least one user",
              "add agent: [read] and/or customer: [read], or remove this location");
        }
        if (ptr.endsWith("/range")) {
          return Message.of("a range needs from, to or both", "add from: or to:, or remove range");
        }
        if (ptr.matches(".*/geolocation/values/\\d+")) {
          // add_auto_access: "At least one field must be specified" in a geolocation object.
          return Message.of(
              "a geolocation value needs at least one field",
              "add country, country_code, region or city");
        }
        return Message.of("must not be empty", "add at least one entry or remove the key");
      }
      default -> {
        String msg = String.valueOf(e.getMessage());
        int colon = msg.indexOf(": ");
        return Message.of(
            colon >= 0 ? msg.substring(colon + 2) : msg,
            "see schemas/chatform-manifest.schema.json");
      }
    }
  }

  /** What to write instead of a value that does not match a pattern described as {@code what}. */
  private static String formatHint(String what, String ptr) {
    if (ptr.endsWith("/start") || ptr.endsWith("/end")) {
      return "write two-digit hours and minutes, quoted, e.g. \"09:00\"";
    }
    if (what.contains("Client ID")) {
      return "copy the Client ID from the app's page in the Developer Console";
    }
    return "write " + what;
  }

  /** The value, quoted, or its reference text when it came from a secret. */
  static String show(JsonNode v, String ptr, Map<String, String> sensitive) {
    if (sensitive.containsKey(ptr)) {
      return "'" + sensitive.get(ptr) + "'";
    }
    if (v == null) {
      return "value";
    }
    String s = v.isTextual() ? v.asText() : v.toString();
    if (s.length() > 60) {
      s = s.substring(0, 57) + "...";
    }
    // Quote text so '3' (a string) and 3 (a number) read differently.
    return v.isTextual() ? "'" + s + "'" : s;
  }

  private static JsonNode keywordValue(Error e, JsonNode schemaRoot) {
    JsonNode owner = at(schemaRoot, parent(e.getSchemaLocation().getFragment()));
    if (owner != null && owner.has(e.getKeyword())) {
      return owner.get(e.getKeyword());
    }
    return e.getSchemaNode();
  }

  private static String arg(Error e, int i) {
    Object[] args = e.getArguments();
    return args != null && args.length > i ? String.valueOf(args[i]) : "?";
  }

  private static String typeList(JsonNode type) {
    if (type.isArray()) {
      List<String> names = new ArrayList<>();
      type.forEach(t -> names.add(t.asText()));
      return String.join(" or ", names);
    }
    return type.asText();
  }

  static String typeName(JsonNode v) {
    if (v == null || v.isNull()) {
      return "nothing (null)";
    }
    if (v.isIntegralNumber()) {
      return "integer";
    }
    if (v.isNumber()) {
      return "number";
    }
    if (v.isBoolean()) {
      return "boolean";
    }
    if (v.isTextual()) {
      return "string";
    }
    return v.isArray() ? "array" : "object";
  }

  private static List<String> parent(NodePath fragment) {
    List<String> names = new ArrayList<>();
    if (fragment == null) {
      return names;
    }
    for (int i = 0; i < fragment.getNameCount() - 1; i++) {
      names.add(String.valueOf(fragment.getElement(i)));
    }
    return names;
  }

  private static JsonNode at(JsonNode root, List<String> names) {
    JsonNode n = root;
    for (String name : names) {
      if (n == null) {
        return null;
      }
      n = n.isArray() ? n.get(Integer.parseInt(name)) : n.get(name);
    }
    return n;
  }
}
