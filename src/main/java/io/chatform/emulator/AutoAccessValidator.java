package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks and normalises the {@code access} and {@code conditions} of an auto access rule, kept
 * apart from the module so the handlers stay about the linked list.
 */
final class AutoAccessValidator {
  private static final Set<String> CONDITIONS = Set.of("url", "domain", "geolocation");
  private static final List<String> GEO_FIELDS =
      List.of("country", "country_code", "region", "city");

  private final Account account;

  AutoAccessValidator(Account account) {
    this.account = account;
  }

  /** Returns a normalised copy of {@code access}: groups required, non-empty, existing. */
  ObjectNode access(ObjectNode access) {
    ArrayNode groups = BodyFields.requiredArray(access, "access.", "groups");
    if (groups.isEmpty()) {
      throw ApiError.validation("access.groups must name at least one group");
    }
    ArrayNode normalised = BodyFields.JSON.arrayNode();
    for (int i = 0; i < groups.size(); i++) {
      JsonNode g = groups.get(i);
      if (!g.isIntegralNumber() || !g.canConvertToLong()) {
        throw ApiError.validation("access.groups[" + i + "] must be an integer group id");
      }
      if (!account.groupExists(g.asLong())) {
        throw ApiError.groupNotFound(
            "access.groups[" + i + "]: group " + g.asLong() + " not found");
      }
      normalised.add(g.deepCopy()); // as sent: an IntNode, as it reads back from state
    }
    ObjectNode out = BodyFields.JSON.objectNode();
    out.set("groups", normalised);
    return out;
  }

  /**
   * Returns a normalised copy of {@code conditions}: at least one of url/domain/geolocation, {@code
   * values} xor {@code exclude_values}, {@code exact_match} stored explicitly (default false, i.e.
   * substring match) so that list methods show it.
   */
  ObjectNode conditions(ObjectNode conditions) {
    ObjectNode out = BodyFields.JSON.objectNode();
    Iterator<String> names = conditions.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!CONDITIONS.contains(name)) {
        throw ApiError.validation(
            "conditions." + name + " is not a known condition (url, domain, geolocation)");
      }
    }
    for (String name : List.of("url", "domain")) {
      BodyFields.optionalObject(conditions, "conditions.", name)
          .ifPresent(c -> out.set(name, matchCondition(c, "conditions." + name + ".")));
    }
    BodyFields.optionalObject(conditions, "conditions.", "geolocation")
        .ifPresent(c -> out.set("geolocation", geolocation(c)));
    if (out.isEmpty()) {
      throw ApiError.validation("conditions needs at least one of url, domain, geolocation");
    }
    return out;
  }

  private ObjectNode matchCondition(ObjectNode condition, String prefix) {
    Optional<ArrayNode> values = BodyFields.optionalArray(condition, prefix, "values");
    Optional<ArrayNode> excludes = BodyFields.optionalArray(condition, prefix, "exclude_values");
    if (values.isPresent() && excludes.isPresent()) {
      throw ApiError.validation(
          prefix + "values and " + prefix + "exclude_values are mutually exclusive");
    }
    if (values.isEmpty() && excludes.isEmpty()) {
      throw ApiError.validation(prefix + "values or " + prefix + "exclude_values is required");
    }
    String field = values.isPresent() ? "values" : "exclude_values";
    ArrayNode items = values.orElseGet(excludes::get);
    if (items.isEmpty()) {
      throw ApiError.validation(prefix + field + " must not be empty");
    }
    ArrayNode normalised = BodyFields.JSON.arrayNode();
    for (int i = 0; i < items.size(); i++) {
      String itemPrefix = prefix + field + "[" + i + "].";
      JsonNode item = items.get(i);
      if (!item.isObject()) {
        throw ApiError.validation(prefix + field + "[" + i + "] must be an object");
      }
      ObjectNode match = BodyFields.JSON.objectNode();
      match.put("value", BodyFields.requiredString(item, itemPrefix, "value"));
      match.put(
          "exact_match", BodyFields.optionalBoolean(item, itemPrefix, "exact_match").orElse(false));
      normalised.add(match);
    }
    ObjectNode out = BodyFields.JSON.objectNode();
    out.set(field, normalised);
    return out;
  }

  private ObjectNode geolocation(ObjectNode condition) {
    String prefix = "conditions.geolocation.";
    ArrayNode items = BodyFields.requiredArray(condition, prefix, "values");
    if (items.isEmpty()) {
      throw ApiError.validation(prefix + "values must not be empty");
    }
    ArrayNode normalised = BodyFields.JSON.arrayNode();
    for (int i = 0; i < items.size(); i++) {
      String itemPrefix = prefix + "values[" + i + "].";
      JsonNode item = items.get(i);
      if (!item.isObject()) {
        throw ApiError.validation(prefix + "values[" + i + "] must be an object");
      }
      ObjectNode place = BodyFields.JSON.objectNode();
      for (String f : GEO_FIELDS) {
        BodyFields.optionalString(item, itemPrefix, f).ifPresent(v -> place.put(f, v));
      }
      if (place.isEmpty()) {
        throw ApiError.validation(
            prefix + "values[" + i + "] needs one of country, country_code, region, city");
      }
      normalised.add(place);
    }
    ObjectNode out = BodyFields.JSON.objectNode();
    out.set("values", normalised);
    return out;
  }
}
