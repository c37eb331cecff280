package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Kind;
import java.util.Set;

/**
 * Property definitions: the API has no update, so any change but publishing is a replace (which
 * loses the property's values). {@code publish} is normalised to the list of published access types
 * ({@code true} = read and write, {@code false} = none).
 */
public final class PropertyRules implements KindRules {
  @Override
  public Kind kind() {
    return Kind.PROPERTIES;
  }

  @Override
  public Set<String> identityFields() {
    return Set.of("owner_client_id", "name");
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
  public static ArrayNode publishList(JsonNode publish) {
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
}
