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
   * The objects of other kinds a spec of this kind names: groups by agents' and bots' membership,
   * by auto access rules, by tags and by group property values; property definitions by their
   * values.
   */
  public List<Reference> references() {
    return switch (this) {
      case AGENTS, BOTS -> List.of(groups("/groups/*/group", true, 0));
      case AUTO_ACCESS -> List.of(groups("/groups/*", false, 0));
      case TAGS -> List.of(groups("/groups/*", true, 0));
      // A greeting belongs to one group and goes with it: listed among what a group delete drops.
      case GREETINGS -> List.of(groups("/group", false, 0));
      case CANNED_RESPONSES -> List.of(groups("/group", false, 0));
      case LICENSE_PROPERTIES -> List.of(DEFINITION);
      case GROUP_PROPERTIES -> List.of(groups("/group", false, 2), DEFINITION);
      default -> List.of();
    };
  }

  /**
   * The first API version that has this kind: tags and bot templates came with 3.5, greetings with
   * 3.6, canned responses and allowed domains with the 3.7 developer preview.
   */
  public ApiVersion since() {
    return switch (this) {
      case TAGS, BOT_TEMPLATES -> ApiVersion.V3_5;
      case GREETINGS -> ApiVersion.V3_6;
      case CANNED_RESPONSES, ALLOWED_DOMAINS -> ApiVersion.V3_7;
      default -> ApiVersion.V3_4;
    };
  }

  /**
   * The one field a section element may be written as alone, a plain string instead of an object
   * ({@code allowed_domains: [example.com]} for {@code {domain: example.com}}).
   */
  public Optional<String> scalarField() {
    return this == ALLOWED_DOMAINS ? Optional.of("domain") : Optional.empty();
  }

  /**
   * True when two identities that differ only in letter case are one object: agent ids are e-mail
   * addresses, LiveChat matches a new tag's name against existing ones ignoring case, and allowed
   * domains are host names (DNS names ignore case; the docs are silent, so the safe reading).
   */
  public boolean identityIgnoresCase() {
    return this == AGENTS || this == TAGS || this == ALLOWED_DOMAINS;
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
   * The form of the sections written as maps rather than lists: property values ({@code
   * {<namespace>: {<name>: value}}}, per group {@code {<group>: {<namespace>: {<name>: value}}}})
   * and license webhooks ({@code {<client id>: enabled|disabled}}).
   */
  public Optional<MapForm> mapForm() {
    return switch (this) {
      case LICENSE_PROPERTIES, GROUP_PROPERTIES ->
          Optional.of(
              new MapForm(
                  "value",
                  v -> v.isValueNode() && !v.isNull() ? Optional.of(v) : Optional.empty()));
      case LICENSE_WEBHOOKS -> Optional.of(new MapForm("enabled", Kind::enabledState));
      default -> Optional.empty();
    };
  }

  private static Optional<JsonNode> enabledState(JsonNode v) {
    String state = v.asText();
    return v.isTextual() && (state.equals("enabled") || state.equals("disabled"))
        ? Optional.of(
            com.fasterxml.jackson.databind.node.BooleanNode.valueOf(state.equals("enabled")))
        : Optional.empty();
  }

  /**
   * True for objects with a work schedule ({@code work_scheduler}): agents and bots. Slots written
   * without {@code enabled} are in force, and schedules are checked alike.
   */
  public boolean scheduled() {
    return this == AGENTS || this == BOTS;
  }

  /**
   * True when a work schedule needs a timezone even without slots: create_bot / update_bot say
   * "work_scheduler.timezone — Required: Yes" (unlike agents, with no "only when schedule is not
   * empty").
   */
  public boolean scheduleNeedsTimezone() {
    return this == BOTS;
  }

  /** The manifest key listing the names an object had before ({@link #renameField()}). */
  public static final String PREVIOUS_NAMES = "previous_names";

  /** The manifest key pinning an object to its live id ({@link #pinnable()}). */
  public static final String PIN = "id";

  /**
   * The identity field a rename changes, for the kinds whose objects may say what they were called
   * before ({@code previous_names}): the plan matches such an object by an old name and updates the
   * field in place, keeping its id.
   */
  public Optional<String> renameField() {
    return switch (this) {
      case GROUPS, BOTS -> Optional.of("name");
      case AUTO_ACCESS -> Optional.of("description");
      default -> Optional.empty();
    };
  }

  /**
   * True when a manifest may pin an object to its live id ({@code id: 2}), so objects whose names
   * are not unique in the account can be adopted: groups, whose identity is a name.
   */
  public boolean pinnable() {
    return this == GROUPS;
  }

  /**
   * Keys a manifest may write that say how to find the live object rather than what it should be:
   * never compared, never written.
   */
  public List<String> matchingFields() {
    List<String> out = new java.util.ArrayList<>();
    renameField().ifPresent(f -> out.add(PREVIOUS_NAMES));
    if (pinnable()) {
      out.add(PIN);
    }
    return List.copyOf(out);
  }

  /**
   * Identities every account has without declaring them: group 0, "General", which a manifest may
   * name without declaring it.
   */
  public List<String> implicitIdentities() {
    return this == GROUPS ? List.of("General") : List.of();
  }

  /** A property value's definition: {@code namespace/name} (the namespace is the owner). */
  private static final Reference DEFINITION =
      new Reference(
          "properties", "property", List.of("/namespace", "/name"), Reference.Tie.VALUE, false, 0);

  private static Reference groups(String path, boolean unique, int keyDepth) {
    return new Reference("groups", "group", List.of(path), Reference.Tie.MEMBER, unique, keyDepth);
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
   *       owner_client_id}; tags: {@code name}; bot_templates: {@code owner_client_id/name};
   *       greetings: {@code group/name} (the group by name);
   *   <li>canned_responses: {@code group/key} (the group by name, "General" when not written; the
   *       key is the shortcut tag, the first tag when not written); allowed_domains: {@code domain}
   * </ul>
   */
  public String identity(JsonNode spec) {
    return identityFields.stream().map(f -> text(spec, f)).collect(Collectors.joining("/"));
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
