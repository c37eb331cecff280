package io.chatform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.chatform.kinds.Deleter;
import io.chatform.kinds.Kinds;
import io.chatform.kinds.LiveObject;
import io.chatform.kinds.Mover;
import io.chatform.kinds.ResourceKind;
import io.chatform.kinds.Review;
import io.chatform.kinds.Updater;
import io.chatform.model.ApiVersion;
import io.chatform.model.FieldMode;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.model.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The diff of one kind: desired resources against live objects, matched by the kind's key. */
public final class KindDiff {
  private final Kind kind;
  private final ResourceKind rules;
  private final ApiVersion version;
  private final SafetyRules safety;
  private final Set<String> forceReplace;
  private final OwnedFields owned;
  private final List<Action> actions = new ArrayList<>();
  private final List<Notice> notices = new ArrayList<>();
  private final List<String> refusals = new ArrayList<>();

  KindDiff(Kind kind, ApiVersion version, SafetyRules safety) {
    this(kind, version, safety, Set.of());
  }

  /** {@code forceReplace}: addresses to replace even when nothing differs ({@code --replace}). */
  KindDiff(Kind kind, ApiVersion version, SafetyRules safety, Set<String> forceReplace) {
    this(kind, version, safety, forceReplace, FieldMode.OWNED);
  }

  /** {@code mode}: which fields are compared ({@link OwnedFields}). */
  KindDiff(
      Kind kind, ApiVersion version, SafetyRules safety, Set<String> forceReplace, FieldMode mode) {
    this.forceReplace = forceReplace;
    this.owned = new OwnedFields(Kinds.of(kind), version, mode);
    this.kind = kind;
    this.rules = Kinds.of(kind);
    this.version = version;
    this.safety = safety;
  }

  List<Action> actions() {
    return actions;
  }

  List<Notice> notices() {
    return notices;
  }

  List<String> refusals() {
    return refusals;
  }

  void run(List<Resource> want, List<LiveObject> have, boolean prune) {
    LiveMatcher matcher = new LiveMatcher(rules, want, have);
    Map<String, LiveObject> byCreateKey = new LinkedHashMap<>();
    for (LiveObject o : have) {
      byCreateKey.putIfAbsent(rules.createKey(o.spec()), o);
    }
    Map<String, LiveObject> matched = new LinkedHashMap<>();
    Map<String, String> renamedTo = new HashMap<>();
    for (Resource r : want) {
      LiveMatcher.Found found = matcher.find(r);
      found.live().forEach(c -> matched.put(c.liveId(), c));
      if (found.refusal().isPresent()) {
        refusals.add(found.refusal().get());
      } else if (found.live().isEmpty()) {
        // A live object the API would take for this one on create (tags: case only differs).
        Optional<LiveObject> clash =
            Optional.ofNullable(byCreateKey.get(rules.createKey(r.spec())));
        if (clash.isPresent()) {
          refusals.add(clashing(r, clash.get()));
          matched.put(clash.get().liveId(), clash.get());
        } else {
          actions.add(create(r));
        }
      } else {
        LiveObject live = found.live().get(0);
        found.renamedFrom().ifPresent(was -> renamedTo.put(live.liveId(), r.identity()));
        compare(r, live, found.renamedFrom()).ifPresent(actions::add);
      }
    }
    if (rules instanceof Mover) {
      new OrderPlanner(want, renamed(have, renamedTo), matched, actions).plan();
    }
    if (!prune || !(rules instanceof Deleter)) {
      return; // a kind that cannot be deleted is never pruned
    }
    for (LiveObject o : have) {
      if (matched.containsKey(o.liveId()) || o.apiDefault()) {
        continue; // matched, or a property's default value, which exists implicitly
      }
      Optional<String> why = safety.undeletable(o);
      if (why.isPresent()) {
        if (safety.worthSaying(o)) {
          notices.add(new Notice(o.address(), "not deleted: " + why.get()));
        }
        continue;
      }
      actions.add(
          new Action.Delete(
              new Action.Head(
                  o.address() + "#delete",
                  kind,
                  o.address(),
                  List.of(),
                  false,
                  Map.of(),
                  rules.deleteNotes(o.spec())),
              o.liveId(),
              o.spec()));
    }
  }

  /** The live objects, those a plan renames under their new identity (for ordering). */
  private List<LiveObject> renamed(List<LiveObject> have, Map<String, String> renamedTo) {
    String field = io.chatform.kinds.Kinds.of(kind).renameField().orElse("");
    return have.stream()
        .map(
            o ->
                renamedTo.containsKey(o.liveId())
                    ? new LiveObject(
                        kind, o.liveId(), o.spec().deepCopy().put(field, renamedTo.get(o.liveId())))
                    : o)
        .toList();
  }

  /** The spec as actions carry it: without the keys that only say how to find the live object. */
  private ObjectNode written(ObjectNode spec, List<String> dropped) {
    List<String> drop = new ArrayList<>(dropped);
    drop.addAll(io.chatform.kinds.Kinds.of(kind).matchingFields());
    return drop.stream().anyMatch(spec::has) ? spec.deepCopy().without(drop) : spec;
  }

  private Action create(Resource r) {
    Optional<String> warning = rules.irreversibleCreate(r.spec());
    boolean irreversible = warning.isPresent();
    List<String> notes = new ArrayList<>(warning.map(List::of).orElse(List.of()));
    notes.addAll(io.chatform.kinds.Kinds.of(kind).createNotes(r.spec()));
    return new Action.Create(
        new Action.Head(
            r.address() + "#create",
            kind,
            r.address(),
            List.of(),
            irreversible,
            sensitive(r),
            notes),
        written(OwnedFields.withoutNulls(r.spec()), List.of()),
        Optional.empty());
  }

  /**
   * The resource's sensitive values: those from {@code ${env:…}}/{@code ${file:…}}, plus write-only
   * secrets such as {@code secret_key} even when written literally (then resolved again from the
   * manifests when a saved plan is applied).
   */
  private Map<String, String> sensitive(Resource r) {
    Map<String, String> out = new HashMap<>(r.sensitive());
    for (String f : rules.writeOnlyFields()) {
      if (r.spec().has(f)) {
        out.putIfAbsent("/" + f, MANIFEST_REF);
      }
    }
    return out;
  }

  /** The reference of a sensitive value written literally in the manifests. */
  public static final String MANIFEST_REF = "${manifest}";

  private Optional<Action> compare(Resource r, LiveObject live, Optional<String> renamedFrom) {
    // Owned fields the manifest leaves unset compare as their API default (issue #16).
    ObjectNode filled = owned.filled(r.spec());
    ObjectNode want = rules.normalize(filled);
    ObjectNode have = rules.normalize(rules.alignLive(filled, live.spec()));
    List<FieldChange> changes = new ArrayList<>();
    // Fields the plan leaves alone (with a notice) must not be written by the update either.
    List<String> dropped = new ArrayList<>();
    renamedFrom.ifPresent(
        was -> {
          String field = io.chatform.kinds.Kinds.of(kind).renameField().orElseThrow();
          changes.add(
              new FieldChange(
                  field,
                  Optional.of(Json.text(live.spec(), field)).map(TextNode::valueOf),
                  Optional.ofNullable(r.spec().get(field)),
                  r.sensitive().containsKey("/" + field)));
        });
    for (String field : owned.compared(r.spec())) {
      if (rules.identityFields().contains(field)
          || rules.writeOnlyFields().contains(field)
          || io.chatform.kinds.Kinds.of(kind).matchingFields().contains(field)) {
        continue;
      }
      JsonNode after = want.get(field);
      JsonNode before = have.get(field);
      if (Json.same(after, before)
          || (owned.atDefault(field, after) && owned.atDefault(field, before))) {
        continue;
      }
      if (rules.createOnlyFields(version).contains(field)) {
        notices.add(
            new Notice(
                r.address(),
                field
                    + " differs from the account but cannot be changed through API v"
                    + version.label()
                    + "; change it in the LiveChat app or remove it from the manifest"));
        dropped.add(field);
        continue;
      }
      Optional<String> fixed = rules.fixedField(field, have);
      if (fixed.isPresent()) {
        notices.add(new Notice(r.address(), fixed.get()));
        dropped.add(field);
        continue;
      }
      boolean sensitive =
          r.sensitive().keySet().stream()
              .anyMatch(p -> p.equals("/" + field) || p.startsWith("/" + field + "/"));
      changes.add(
          owned.unset(r.spec(), field) // shown as "(unset)", written as the default
              ? FieldChange.reset(field, Optional.ofNullable(before), sensitive)
              : new FieldChange(
                  field, Optional.ofNullable(before), Optional.ofNullable(after), sensitive));
    }
    // Only immutable kinds are replaced on request: for the rest delete + create would lose ids.
    boolean forced = rules.replaceableOnRequest() && forceReplace.contains(r.address());
    if (changes.isEmpty() && !forced) {
      return Optional.empty();
    }
    Optional<String> frozen = safety.unchangeable(live);
    if (frozen.isPresent()) {
      notices.add(new Notice(r.address(), "not changed: " + frozen.get()));
      return Optional.empty();
    }
    boolean replace = forced || changes.stream().anyMatch(c -> rules.replaces(c.field()));
    Action.Reason why = forced ? Action.Reason.REQUESTED : Action.Reason.CANNOT_UPDATE;
    List<String> notes = new ArrayList<>(ReplaceReasons.said(Optional.of(why), List.of()));
    Set<String> changed = new LinkedHashSet<>();
    changes.forEach(c -> changed.add(c.field()));
    Review review = rules.review(r.spec(), live.spec(), changed, forced);
    review.notices().forEach(n -> notices.add(new Notice(r.address(), n)));
    if (review.skip()) {
      return Optional.empty();
    }
    if (changes.removeIf(c -> review.dropped().contains(c.field()))) {
      replace = forced || changes.stream().anyMatch(c -> rules.replaces(c.field()));
      if (changes.isEmpty() && !forced) {
        return Optional.empty();
      }
    }
    boolean irreversible = review.irreversible();
    notes.addAll(review.notes());
    Action.Write write =
        new Action.Write(
            live.liveId(),
            written(owned.written(r.spec(), changes, rules instanceof Updater), dropped),
            live.spec(),
            changes);
    String at = r.address();
    Optional<String> stay = Optional.empty();
    Action.Head head =
        new Action.Head(
            at + (replace ? "#replace" : "#update"),
            kind,
            at,
            List.of(),
            irreversible,
            sensitive(r),
            notes);
    return Optional.of(
        replace
            ? new Action.Replace(head, write, why, stay)
            : new Action.Update(head, write, Optional.empty(), stay));
  }

  private String clashing(Resource r, LiveObject live) {
    String have = live.identity();
    return r.address()
        + " ("
        + r.location()
        + "): the account has "
        + live.address()
        + (have.equalsIgnoreCase(r.identity()) ? ", which differs only in letter case" : "")
        + "; LiveChat takes the two for one when creating, so this create would be refused, and"
        + " chatform will not rename one into the other. Spell it '"
        + have
        + "' in the manifest, or rename or delete the live one in LiveChat, then plan again.";
  }
}
