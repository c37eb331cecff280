package io.chatform.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of configuration chatform manages, in dependency order (a kind may reference only kinds
 * before it). The section name is the manifest's top-level key.
 */
public enum Kind {
  PROPERTIES("properties", "owner_client_id", "name"),
  GROUPS("groups", "name"),
  AGENTS("agents", "id"),
  BOTS("bots", "owner_client_id", "name"),
  AUTO_ACCESS("auto_access", "description"),
  LICENSE_PROPERTIES("license_properties", "namespace", "name"),
  GROUP_PROPERTIES("group_properties", "group", "namespace", "name"),
  WEBHOOKS("webhooks", "owner_client_id", "type", "action", "url"),
  LICENSE_WEBHOOKS("license_webhooks", "owner_client_id"),
  TAGS("tags", "name"),
  BOT_TEMPLATES("bot_templates", "owner_client_id", "name"),
  GREETINGS("greetings", "group", "name"),
  CANNED_RESPONSES("canned_responses", "group", "key"),
  ALLOWED_DOMAINS("allowed_domains", "domain");

  private final String section;
  private final List<String> identityFields;

  Kind(String section, String... identityFields) {
    this.section = section;
    this.identityFields = List.of(identityFields);
  }

  /** The manifest section (and address prefix), e.g. {@code auto_access}. */
  public String section() {
    return section;
  }

  /**
   * The fields that make up an object's identity, in address order: the one definition of identity,
   * which the kind classes in {@code io.chatform.kinds} read.
   */
  public List<String> identityFields() {
    return identityFields;
  }

  /**
   * How a section a manifest writes as nested maps is read: keyed by the identity fields in order,
   * the one value field at the leaves.
   *
   * @param valueField the spec field a leaf fills
   * @param value a leaf's value, empty when it is none (the schema reports it)
   */
  public record MapForm(
      String valueField, java.util.function.Function<JsonNode, Optional<JsonNode>> value) {}

  /**
   * A license webhook's leaf: {@code enabled} or {@code disabled}, read as the boolean {@code
   * enabled} field.
   */
  public static Optional<JsonNode> enabledState(JsonNode v) {
    String state = v.asText();
    return v.isTextual() && (state.equals("enabled") || state.equals("disabled"))
        ? Optional.of(
            com.fasterxml.jackson.databind.node.BooleanNode.valueOf(state.equals("enabled")))
        : Optional.empty();
  }

  /** The manifest key listing the names an object had before (the kind's {@code renameField()}). */
  public static final String PREVIOUS_NAMES = "previous_names";

  /** The manifest key pinning an object to its live id (the kind's {@code pinnable()}). */
  public static final String PIN = "id";

  public static Optional<Kind> fromSection(String section) {
    return Arrays.stream(values()).filter(k -> k.section.equals(section)).findFirst();
  }

  /**
   * The identity of one object of this kind, from its spec as written in a manifest (references by
   * name). Two objects with the same identity are the same object. The string is also the object's
   * address after {@code <section>/}, which {@code policy.protect}/{@code policy.ignore} globs
   * match.
   *
   * <ul>
   *   <li>groups: {@code name}; agents: {@code id}; bots: {@code owner_client_id/name} (bots of
   *       different apps may share a name)
   *   <li>auto_access: {@code description}; properties: {@code owner_client_id/name}
   *   <li>license_properties: {@code namespace/name}; group_properties: {@code
   *       group/namespace/name}
   *   <li>webhooks: {@code owner_client_id/type/action/url}; license_webhooks: {@code
   *       owner_client_id}; tags: {@code name}; bot_templates: {@code owner_client_id/name};
   *       greetings: {@code group/name} (the group by name);
   *   <li>canned_responses: {@code group/key} (the group by name, "General" when not written; the
   *       key is the shortcut tag, the first tag when not written); allowed_domains: {@code domain}
   * </ul>
   */
  public String identity(JsonNode spec) {
    return identityFields.stream().map(f -> text(spec, f)).collect(Collectors.joining("/"));
  }

  /**
   * True when an identity field of {@code spec} is not written (absent, null or empty): such an
   * object has no address a manifest, a plan or a policy can name.
   */
  public boolean identityIncomplete(JsonNode spec) {
    return identityFields.stream().anyMatch(f -> text(spec, f).isEmpty());
  }

  /** {@code <section>/<identity>}: how messages and policies name an object. */
  public String address(JsonNode spec) {
    return section + "/" + identity(spec);
  }

  private static String text(JsonNode spec, String field) {
    JsonNode v = spec.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }
}
