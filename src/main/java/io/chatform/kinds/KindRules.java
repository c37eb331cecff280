package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.Kind;
import java.util.Map;
import java.util.Set;

/**
 * How one kind is compared: its matching key, its canonical form, and which fields the API cannot
 * change in place; part of each {@link ResourceKind}.
 */
public interface KindRules {
  Kind kind();

  /** The key desired and live objects are matched by. */
  default String key(ObjectNode spec) {
    return kind().identity(spec);
  }

  /**
   * The key the API matches a create against existing objects by, when it is looser than {@link
   * #key} (tags: the name, ignoring letter case): a live object with this key but another {@code
   * key} would make the create fail, so the plan refuses it.
   */
  default String createKey(ObjectNode spec) {
    return key(spec);
  }

  /**
   * Fields that make up the identity ({@link Kind#identityFields()}): never compared or updated.
   */
  default Set<String> identityFields() {
    return Set.copyOf(kind().identityFields());
  }

  /**
   * The canonical form of a manifest-shaped spec (desired or live): set-like lists sorted, API
   * defaults filled in. Must not modify its argument.
   */
  default ObjectNode normalize(ObjectNode spec) {
    return spec;
  }

  /**
   * Adjusts the live spec to what the desired spec can express, e.g. drops the implicit "General"
   * membership when the manifest does not mention it. Must not modify its arguments.
   */
  default ObjectNode alignLive(ObjectNode desired, ObjectNode live) {
    return live;
  }

  /**
   * True when a change to {@code field} needs delete + create: every field of a kind that cannot be
   * updated ({@link Updater}).
   */
  default boolean replaces(String field) {
    return !(this instanceof Updater);
  }

  /** Fields the API never returns (e.g. {@code secret_key}): written, never compared. */
  default Set<String> writeOnlyFields() {
    return Set.of();
  }

  /**
   * The fields chatform owns (issue #16, the table in docs/manifests.md), each with the value the
   * API has when it was never set: in the {@code owned} field mode an owned field the manifest
   * omits (or sets to {@code null}) compares as, and is written back as, that default. Every other
   * field, e.g. runtime state such as an agent's {@code login_status}, is compared only when
   * declared. Identity, write-only and create-only fields are never owned.
   */
  default Map<String, JsonNode> ownedFields(ApiVersion version) {
    return Map.of();
  }

  /** Fields this API version cannot change after creation: a change is reported, not planned. */
  default Set<String> createOnlyFields(ApiVersion version) {
    return Set.of();
  }
}
