package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Kind;
import java.util.Set;

/**
 * Auto access rules: matched by description; target groups compare as a set; {@code exact_match}
 * defaults to false (the API's default) so writing it or not makes no diff. Order is planned
 * separately (moves), not as a field.
 */
public final class AutoAccessRules implements KindRules {
  @Override
  public Kind kind() {
    return Kind.AUTO_ACCESS;
  }

  @Override
  public Set<String> identityFields() {
    return Set.of("description");
  }

  @Override
  public ObjectNode normalize(ObjectNode spec) {
    ObjectNode copy = spec.deepCopy();
    if (copy.path("groups").isArray()) {
      copy.set("groups", Json.sorted(copy.get("groups")));
    }
    JsonNode conditions = copy.get("conditions");
    if (conditions instanceof ObjectNode c) {
      for (String field : new String[] {"url", "domain"}) {
        if (c.get(field) instanceof ObjectNode cond) {
          fillExactMatch(cond, "values");
          fillExactMatch(cond, "exclude_values");
        }
      }
      if (c.get("geolocation") instanceof ObjectNode geo && geo.path("values").isArray()) {
        geo.set("values", Json.sorted(geo.get("values")));
      }
    }
    return copy;
  }

  private static void fillExactMatch(ObjectNode cond, String field) {
    JsonNode values = cond.get(field);
    if (values == null || !values.isArray()) {
      return;
    }
    ArrayNode out = Json.array();
    for (JsonNode v : values) {
      ObjectNode item =
          v.isObject() ? ((ObjectNode) v).deepCopy() : Json.object().put("value", v.asText());
      if (!item.has("exact_match")) {
        item.put("exact_match", false);
      }
      out.add(item);
    }
    cond.set(field, Json.sorted(out));
  }
}
