package io.chatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Kind;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How a create whose answer was lost is found again: which list to read (through the call engine)
 * and what a listed object must match, for one create body. Each kind declares its own next to its
 * create method; the identity matched is the one the plan guarantees unique.
 */
@FunctionalInterface
public interface CreateProbe {
  /** The search for {@code body}'s object; empty when the body lacks its identity (sent once). */
  Optional<Search> search(ObjectNode body);

  /**
   * One probe read.
   *
   * @param kind whose deletes by this client make a listed object prove nothing
   * @param list the list method read
   * @param listBody its request body
   * @param match true for a listed object that is the one created
   * @param uniqueAtWrite the API itself refuses a second object with this identity
   * @param withoutId for objects without an id of their own: their identity
   */
  record Search(
      Kind kind,
      ApiMethod<List<ObjectNode>> list,
      ObjectNode listBody,
      Predicate<ObjectNode> match,
      boolean uniqueAtWrite,
      Optional<WithoutId> withoutId) {}

  /**
   * Objects without id: a listed one may be the one this apply deleted under the same identity, so
   * it proves nothing then ({@code stale} says why) and the API's own {@code already_exists}
   * decides.
   */
  record WithoutId(String identity, String stale) {}

  /**
   * Found again by fields: each of {@code required} must be in the body (else the create is sent at
   * most once) and equal in the listed object, each of {@code ifGiven} equal where the body has it.
   *
   * @param listBody the list request for a create body (e.g. the app it belongs to)
   */
  static CreateProbe byFields(
      Kind kind,
      ApiMethod<List<ObjectNode>> list,
      Function<ObjectNode, ObjectNode> listBody,
      List<String> required,
      List<String> ifGiven,
      boolean uniqueAtWrite) {
    return body -> {
      if (required.stream().anyMatch(f -> text(body, f).isEmpty())) {
        return Optional.empty();
      }
      Predicate<ObjectNode> match =
          o ->
              required.stream().allMatch(f -> text(body, f).equals(text(o, f)))
                  && ifGiven.stream()
                      .allMatch(f -> text(body, f).isEmpty() || text(body, f).equals(text(o, f)));
      return Optional.of(
          new Search(kind, list, listBody.apply(body), match, uniqueAtWrite, Optional.empty()));
    };
  }

  /** A list request with no parameters. */
  static ObjectNode noParameters(ObjectNode createBody) {
    return WireMapper.object();
  }

  /** A list request for the app of the create ({@code owner_client_id}, when given). */
  static ObjectNode sameApp(ObjectNode createBody) {
    ObjectNode body = WireMapper.object();
    text(createBody, "owner_client_id").ifPresent(o -> body.put("owner_client_id", o));
    return body;
  }

  /** A scalar field as text, empty when absent, null or not a scalar. */
  static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isValueNode() && !v.isNull() ? Optional.of(v.asText()) : Optional.empty();
  }
}
