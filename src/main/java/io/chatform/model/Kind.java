package io.chatform.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of configuration chatform manages, in dependency order (a kind may reference only kinds
 * before it). The section name is the manifest's top-level key.
 */
public enum Kind {
  PROPERTIES("properties"),
  GROUPS("groups"),
  AGENTS("agents"),
  BOTS("bots"),
  AUTO_ACCESS("auto_access"),
  LICENSE_PROPERTIES("license_properties"),
  GROUP_PROPERTIES("group_properties"),
  WEBHOOKS("webhooks"),
  LICENSE_WEBHOOKS("license_webhooks");

  private final String section;

  Kind(String section) {
    this.section = section;
  }

  /** The manifest section (and address prefix), e.g. {@code auto_access}. */
  public String section() {
    return section;
  }

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
   *       owner_client_id}
   * </ul>
   */
  public String identity(JsonNode spec) {
    return switch (this) {
      case GROUPS -> text(spec, "name");
      case BOTS -> text(spec, "owner_client_id") + "/" + text(spec, "name");
      case AGENTS -> text(spec, "id");
      case AUTO_ACCESS -> text(spec, "description");
      case PROPERTIES -> text(spec, "owner_client_id") + "/" + text(spec, "name");
      case LICENSE_PROPERTIES -> text(spec, "namespace") + "/" + text(spec, "name");
      case GROUP_PROPERTIES ->
          text(spec, "group") + "/" + text(spec, "namespace") + "/" + text(spec, "name");
      case WEBHOOKS ->
          text(spec, "owner_client_id")
              + "/"
              + text(spec, "type")
              + "/"
              + text(spec, "action")
              + "/"
              + text(spec, "url");
      case LICENSE_WEBHOOKS -> text(spec, "owner_client_id");
    };
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
