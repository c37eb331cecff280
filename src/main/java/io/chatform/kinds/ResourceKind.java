package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.api.LiveChatClient;
import io.chatform.model.ApiVersion;
import io.chatform.model.Kind;
import io.chatform.model.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One kind of configuration as a unit: every fact and hook particular to it, so that shared code
 * names no kind. Its abilities are the interfaces it implements ({@link Creator}, {@link Updater},
 * {@link Deleter}, {@link Mover}, {@link Batchable}): without {@code Updater} an object is replaced
 * on change, without {@code Deleter} it is never pruned. Registered in {@link Kinds}.
 */
public interface ResourceKind extends KindRules {
  /** The manifest section (and address prefix). */
  default String section() {
    return kind().section();
  }

  /** Whom the objects belong to: the account, or an app (Client ID). */
  Scope scope();

  /**
   * True when objects belong to an app (Client ID): a plan prunes only those of the apps the
   * manifests mention.
   */
  default boolean perApp() {
    return scope() != Scope.ACCOUNT;
  }

  /** True when listing takes one call per app, false when one call lists them all. */
  default boolean listedPerApp() {
    return scope() == Scope.APP_LISTED;
  }

  /** The part its objects play in routing chats, if any. */
  default Optional<Routing> routing() {
    return Optional.empty();
  }

  /**
   * True when one listing of this kind names the apps (Client IDs) of the account, so an export
   * learns from it which apps to list per-app kinds for.
   */
  default boolean namesApps() {
    return false;
  }

  /**
   * The objects one list call answers, for kinds whose list pages (0: one call lists them all):
   * reading n objects takes ceil(n / pageSize) calls, which the bench floor counts.
   */
  default int pageSize() {
    return 0;
  }

  /**
   * The objects of other kinds a spec names: checked by validation, ordered by the plan (groups by
   * agents' and bots' membership, by auto access rules, tags, greetings, canned responses and group
   * property values; property definitions by their values).
   */
  default List<Reference> references() {
    return List.of();
  }

  /**
   * The first API version that has this kind (tags and bot templates came with 3.5, greetings with
   * 3.6, canned responses and allowed domains with the 3.7 developer preview).
   */
  default ApiVersion since() {
    return ApiVersion.V3_4;
  }

  /** Why {@code version} refuses the section: {@code tags exist only from API 3.5, not in 3.4}. */
  default String absentIn(io.chatform.model.ApiVersion version) {
    return section() + " exist only from API " + since().label() + ", not in " + version.label();
  }

  /**
   * The flag that targets {@link #since}, e.g. {@code --api-version 3.7 (a developer preview…)}.
   */
  default String sinceFlag() {
    return "--api-version "
        + since().label()
        + (since().preview() ? " (a developer preview, taken only when named)" : "");
  }

  /**
   * The one field a section element may be written as alone, a plain string instead of an object
   * ({@code allowed_domains: [example.com]} for {@code {domain: example.com}}).
   */
  default Optional<String> scalarField() {
    return Optional.empty();
  }

  /**
   * True when the identity is also the object's id in list answers (an agent's e-mail, a tag's
   * name), which the client accepts only as printable text: validation then refuses control and
   * bidi characters in it, since the account could not be listed again once they were written.
   */
  default boolean identityIsAnsweredId() {
    return false;
  }

  /**
   * True when two identities that differ only in letter case are one object (agent ids are e-mail
   * addresses, tag names are matched ignoring case, domains are host names).
   */
  default boolean identityIgnoresCase() {
    return false;
  }

  /**
   * The form of a section written as nested maps rather than a list (property values, license
   * webhooks): keyed by the identity fields in order, the one value field at the leaves.
   */
  default Optional<Kind.MapForm> mapForm() {
    return Optional.empty();
  }

  /**
   * True for objects with a work schedule ({@code work_scheduler}): slots written without {@code
   * enabled} are in force, and schedules are checked alike.
   */
  default boolean scheduled() {
    return false;
  }

  /** True when a work schedule needs a timezone even without slots (bots: create_bot says so). */
  default boolean scheduleNeedsTimezone() {
    return false;
  }

  /**
   * The identity field a rename changes, for kinds whose objects may say what they were called
   * before ({@code previous_names}): the plan matches such an object by an old name and updates the
   * field in place, keeping its id.
   */
  default Optional<String> renameField() {
    return Optional.empty();
  }

  /**
   * True when a manifest may pin an object to its live id ({@code id: 2}), so objects whose names
   * are not unique in the account can be adopted.
   */
  default boolean pinnable() {
    return false;
  }

  /**
   * Keys a manifest may write that say how to find the live object rather than what it should be:
   * never compared, never written.
   */
  default List<String> matchingFields() {
    List<String> out = new ArrayList<>();
    renameField().ifPresent(f -> out.add(Kind.PREVIOUS_NAMES));
    if (pinnable()) {
      out.add(Kind.PIN);
    }
    return List.copyOf(out);
  }

  /** Identities every account has without declaring them, which a manifest may name. */
  default List<String> implicitIdentities() {
    return List.of();
  }

  /**
   * The capacity slot an object takes, where the API limits how many share one (webhooks: 3 per
   * action and app): the plan frees a slot before it takes a new one.
   */
  default Optional<String> slot(JsonNode spec) {
    return Optional.empty();
  }

  /**
   * How many objects one {@link #slot} holds (webhooks 3, bot templates 5): validation checks the
   * manifests against it, the plan what the account keeps plus what it creates.
   */
  default int slotCapacity() {
    return Integer.MAX_VALUE;
  }

  /** The limit in words, e.g. {@code at most 3 webhooks per action per Client ID}. */
  default String slotRule() {
    return "at most " + slotCapacity() + " " + section() + " per slot";
  }

  /**
   * The section whose writes for the same app must come before this kind's (license webhook state
   * is set once the app's webhooks are registered).
   */
  default Optional<String> writtenAfter() {
    return Optional.empty();
  }

  /** True when {@code --replace} may replace an object of this kind (it loses no ids). */
  default boolean replaceableOnRequest() {
    return false;
  }

  /** Why {@code live} must never be deleted, if it must not. */
  default Optional<Protection> protection(LiveObject live, Optional<String> callerAgentId) {
    return Optional.empty();
  }

  /** Why {@code field} of this live object can never be changed, if it cannot. */
  default Optional<String> fixedField(String field, ObjectNode live) {
    return Optional.empty();
  }

  /**
   * Of the live objects read, one that may seed a new group's members (up to 3.5 a group needs
   * one), when the credential's own agent is not known.
   */
  default Optional<String> groupSeed(List<LiveObject> live) {
    return Optional.empty();
  }

  /** As {@link #groupSeed}, when the objects were not read: asks the account. */
  default Optional<String> lookUpGroupSeed(LiveChatClient client) {
    return Optional.empty();
  }

  /**
   * Why deleting an object of this kind is destructive (⚠), if it is: what the account loses that
   * creating it again would not bring back (a person's account, an id others use, a secret).
   */
  default Optional<String> deleteWarning() {
    return Optional.empty();
  }

  /** Why replacing (delete + create) an object of this kind is destructive (⚠), if it is. */
  default Optional<String> replaceWarning() {
    return deleteWarning();
  }

  /** What else the plan says on the creation of {@code desired} (not a warning). */
  default List<String> createNotes(ObjectNode desired) {
    return List.of();
  }

  /** What to note on the creation of {@code desired} when it cannot be undone. */
  default Optional<String> irreversibleCreate(ObjectNode desired) {
    return Optional.empty();
  }

  /**
   * Reviews a planned change of {@code live} into {@code desired}: fields to leave alone, notices,
   * or no change at all.
   */
  default Review review(ObjectNode desired, ObjectNode live, Set<String> changed, boolean forced) {
    return Review.NONE;
  }

  /** What the plan says on the deletion of {@code live}, e.g. the options it is deleted with. */
  default List<String> deleteNotes(ObjectNode live) {
    return List.of();
  }

  /**
   * The kind's own validation of the objects the manifests declare ({@code declared}, in file
   * order), beyond the schema and what every kind gets checked (references, duplicate identities):
   * e.g. limits that depend on the API version.
   */
  default void check(ManifestCheck check, List<? extends Declared> declared) {}

  /**
   * Fills in, in a declared spec as read from its manifest, the values the format lets the user
   * leave out where the API requires them (documented in docs/manifests.md, shown in the plan).
   */
  default void fillIn(ObjectNode spec) {}

  /**
   * How a second object with the identity {@code id} is reported, where the kind words it itself;
   * {@code caseOnly} when it differs from the first ({@code first}, declared at {@code firstAt})
   * only in letter case.
   */
  default Optional<ManifestCheck.Wording> duplicate(
      String id, String first, String firstAt, boolean caseOnly) {
    return Optional.empty();
  }

  /** Starts this kind's list calls; the listing shapes their answers into live objects. */
  Listing list(Reading reading);

  /**
   * Adds this kind's section to an exported manifest document: by default a list of the objects'
   * specs in {@link #exportForm} with empty values dropped and write-only fields read from {@link
   * Exporter#SECRET_ENV}.
   */
  default void export(ObjectNode doc, List<LiveObject> objects) {
    ArrayNode out = doc.putArray(section());
    for (LiveObject o : objects) {
      ObjectNode spec = Exporter.clean(o.spec());
      writeOnlyFields().forEach(f -> spec.put(f, "${env:" + Exporter.SECRET_ENV + "}"));
      out.add(exportForm(spec));
    }
  }

  /**
   * Whether the order the API lists this kind in is configuration an export must keep (auto access
   * rules, evaluated in list order); other kinds are exported sorted by identity.
   */
  default boolean exportKeepsListOrder() {
    return false;
  }

  /** A live spec as an export writes it, e.g. without what goes without saying. */
  default ObjectNode exportForm(ObjectNode spec) {
    return spec;
  }
}
