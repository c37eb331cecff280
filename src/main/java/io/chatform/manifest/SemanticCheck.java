package io.chatform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.kinds.Declared;
import io.chatform.kinds.Kinds;
import io.chatform.kinds.ManifestCheck;
import io.chatform.kinds.ResourceKind;
import io.chatform.model.ApiVersion;
import io.chatform.model.Kind;
import io.chatform.model.Reference;
import io.chatform.model.SourceLocation;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a JSON Schema cannot express: limits that depend on the API version, references between
 * sections, duplicate identities across files, and webhook limits. Property values are checked by
 * {@link PropertyCheck}. Every check reads defensively: the schema may already have reported a
 * wrong type, and that must not become a crash here.
 */
final class SemanticCheck {
  private final List<Item> items;
  private final Set<Kind> managed;
  private final ApiVersion version;
  private final Set<String> alreadyReported;
  private final List<Diagnostic> out;

  SemanticCheck(
      List<Item> items,
      Set<Kind> managed,
      ApiVersion version,
      Set<String> alreadyReported,
      List<Diagnostic> out) {
    this.items = items;
    this.managed = managed;
    this.version = version;
    this.alreadyReported = alreadyReported;
    this.out = out;
    this.schedules = new ScheduleCheck(this, version);
  }

  private final ScheduleCheck schedules;
  private final ValueCheck values = new ValueCheck(this);

  void run() {
    duplicates();
    new RenameCheck(this).run();
    references();
    for (ResourceKind k : Kinds.all()) {
      k.check(context, of(k.kind()));
    }
  }

  /** What the kinds' own checks are given. */
  private final ManifestCheck context = new Context();

  private final class Context implements ManifestCheck {
    private PropertyCheck properties;

    @Override
    public ApiVersion version() {
      return version;
    }

    @Override
    public void report(Declared item, String rel, String message, String hint) {
      SemanticCheck.this.report((Item) item, rel, message, hint);
    }

    @Override
    public void exclusive(Declared item, JsonNode node, String rel) {
      SemanticCheck.this.exclusive((Item) item, node, rel);
    }

    @Override
    public void schedule(Declared item) {
      schedules.check((Item) item);
      values.timezone((Item) item);
    }

    @Override
    public void countries(Declared item) {
      values.countries((Item) item);
    }

    @Override
    public void perAppLimit(List<? extends Declared> items, int max, String noun) {
      PerAppLimit.check(SemanticCheck.this, items(items), max, noun);
    }

    @Override
    public void webhookFilters(Declared item, String action) {
      WebhookFilterCheck.check(SemanticCheck.this, (Item) item, action, version);
    }

    @Override
    public boolean manages(Kind kind) {
      return managed.contains(kind);
    }

    @Override
    public void propertyDefinitions(List<? extends Declared> definitions, boolean managed) {
      properties = new PropertyCheck(SemanticCheck.this, items(definitions), managed);
    }

    @Override
    public void propertyValues(List<? extends Declared> values, String where) {
      properties.values(items(values), where); // definitions are checked first (kind order)
    }

    @Override
    public Optional<String> closest(String word, Collection<String> candidates) {
      return Suggestions.closest(word, candidates);
    }
  }

  private static List<Item> items(List<? extends Declared> declared) {
    return declared.stream().map(Item.class::cast).toList();
  }

  List<Item> of(Kind kind) {
    return items.stream().filter(i -> i.kind() == kind).toList();
  }

  /** Reports at a field of an item unless the schema already reported that exact node. */
  void report(Item item, String rel, String message, String hint) {
    if (!item.known(rel)) {
      return; // an unresolved reference (validate offline): its text cannot be judged
    }
    report(item.index(), item.ptr(rel), false, message, hint);
  }

  /** Reports at the key naming an item's field (for map-shaped sections and unknown names). */
  void reportKey(Item item, String rel, String message, String hint) {
    report(item.index(), item.ptr(rel), true, message, hint);
  }

  private void report(PositionIndex index, String ptr, boolean atKey, String message, String hint) {
    if (alreadyReported.add(index.file() + "|" + ptr)) {
      SourceLocation at = atKey ? index.key(ptr) : index.value(ptr);
      out.add(new Diagnostic(at, index.display(ptr), message, hint));
    }
  }

  /** Whether two items' identity fields are the same values (letter case aside where it is). */
  private static boolean sameFields(Item a, Item b) {
    boolean ignoreCase = Kinds.of(a.kind()).identityIgnoresCase();
    for (String f : a.kind().identityFields()) {
      String x = a.spec().get(f).asText();
      String y = b.spec().get(f).asText();
      if (!(ignoreCase ? x.equalsIgnoreCase(y) : x.equals(y))) {
        return false;
      }
    }
    return true;
  }

  private void duplicates() {
    Map<Kind, Map<String, Item>> seen = new HashMap<>();
    for (Item item : items) {
      String id = item.kind().identity(item.spec());
      if (item.kind().identityIncomplete(item.spec())) {
        continue; // identity fields missing: the schema reported them
      }
      if (Kinds.of(item.kind()).identityIsAnsweredId()
          && id.codePoints().anyMatch(io.chatform.model.Escapes::unsafe)) {
        String field = item.kind().identityFields().get(0);
        report(
            item,
            "/" + field,
            field
                + " holds a control or bidi character ("
                + item.shownText("/" + field)
                + "): LiveChat lists it back as the object's id, and chatform reads ids only as"
                + " printable text, so the account could not be planned again",
            "remove the character");
        continue;
      }
      // Agent ids are e-mail addresses. The docs do not say whether the API compares them with
      // or without letter case; e-mail domains are case-insensitive and one person must never
      // become two agents, so ids that differ only in case are the same agent here.
      // Tags: LiveChat matches a new tag's name against existing ones ignoring case.
      // Keyed by the identity as addresses write it (fields joined by '/'): plans, policies and
      // reports name objects by address, so two objects must not share one even when their
      // fields differ (a group 'A/B' greeting 'c' and a group 'A' greeting 'B/c').
      String key =
          io.chatform.kinds.Kinds.of(item.kind()).identityIgnoresCase()
              ? io.chatform.model.CaseFold.key(id)
              : id;
      Item first = seen.computeIfAbsent(item.kind(), k -> new HashMap<>()).putIfAbsent(key, item);
      if (first == null || RenameCheck.pinnedApart(first, item)) {
        continue; // new, or one of the groups an account names alike, each pinned to its id
      }
      SourceLocation f = first.location();
      boolean caseOnly = !first.kind().identity(first.spec()).equals(id);
      id = item.shownIdentity(); // never echo a value that came from a secret
      Optional<ManifestCheck.Wording> own =
          Kinds.of(item.kind()).duplicate(id, first.shownIdentity(), f.toString(), caseOnly);
      if (!sameFields(first, item)) {
        report(
            item,
            "",
            item.kind().section()
                + "/"
                + id
                + " would name two objects: this one and the one declared at "
                + f
                + ", whose "
                + String.join(", ", item.kind().identityFields())
                + " differ but read the same joined with '/'",
            "rename one of them so their addresses differ");
      } else if (own.isPresent()) {
        report(item, "", own.get().message(), own.get().hint());
      } else {
        report(
            item,
            "",
            "duplicate "
                + item.kind().section()
                + " entry '"
                + id
                + "' (also declared at "
                + f
                + ")",
            "declare each object once; merge the two entries");
      }
    }
  }

  /**
   * The references each kind declares ({@link Kind#references()}, which the plan orders by too): a
   * name listed twice where each may appear once, or naming an object the manifests do not declare
   * while they manage its section. Values name their definitions: {@link PropertyCheck} checks
   * those, with the value against its definition.
   */
  private void references() {
    for (Item item : items) {
      for (Reference r : io.chatform.kinds.Kinds.of(item.kind()).references()) {
        if (r.tie() == Reference.Tie.MEMBER) {
          references(item, r);
        }
      }
    }
  }

  private void references(Item item, Reference r) {
    Kind target = Kind.fromSection(r.section()).orElseThrow();
    boolean checked = managed.contains(target);
    Set<String> declared = declared(target);
    Set<String> listed = new java.util.HashSet<>();
    for (Reference.Named n : r.occurrences(item.spec())) {
      if (r.keyDepth() > 0) { // a map key: the value's key r.keyDepth() levels up
        String name = n.node().asText();
        String ptr = item.ptr();
        for (int i = 0; i < r.keyDepth(); i++) {
          ptr = PositionIndex.parent(ptr);
        }
        if (checked && !declared.contains(name)) {
          report(item.index(), ptr, true, undeclared(r, name), hint(r, name, declared));
        }
        continue;
      }
      if (!n.node().isTextual()) {
        continue;
      }
      String shown = item.shownText(n.pointer());
      if (r.unique() && !listed.add(n.node().asText())) {
        report(
            item,
            n.pointer(),
            r.noun() + " '" + shown + "' is listed twice",
            "list each " + r.noun() + " once");
      } else if (checked && !declared.contains(n.node().asText())) {
        report(item, n.pointer(), undeclared(r, shown), hint(r, shown, declared));
      }
    }
  }

  private static String undeclared(Reference r, String shown) {
    return r.noun() + " '" + shown + "' is not declared in " + r.section();
  }

  /** Per kind, computed once: every item's references look their target kind up here. */
  private final java.util.Map<Kind, Set<String>> declaredByKind =
      new java.util.EnumMap<>(Kind.class);

  /** The identities the manifests declare for {@code kind}, after those every account has. */
  private Set<String> declared(Kind kind) {
    return declaredByKind.computeIfAbsent(kind, this::collectDeclared);
  }

  private Set<String> collectDeclared(Kind kind) {
    Set<String> out = new LinkedHashSet<>(io.chatform.kinds.Kinds.of(kind).implicitIdentities());
    String field = kind.identityFields().get(0);
    for (Item i : of(kind)) {
      if (kind.identityFields().size() == 1) {
        i.text(field).ifPresent(out::add);
      } else {
        out.add(kind.identity(i.spec()));
      }
    }
    return out;
  }

  /** {@code values} and {@code exclude_values} cannot be used together. */
  void exclusive(Item item, JsonNode node, String rel) {
    if (node != null && node.isObject() && node.has("values") && node.has("exclude_values")) {
      report(
          item,
          rel + "/exclude_values",
          "values and exclude_values cannot be used together",
          "keep one of them");
    } else if (node != null
        && node.isObject()
        && !node.has("values")
        && !node.has("exclude_values")) {
      report(
          item,
          rel,
          "needs values or exclude_values",
          "add values: [...] or exclude_values: [...]");
    }
  }

  private static String hint(Reference r, String name, Set<String> declared) {
    return Suggestions.closest(name, declared)
        .map(g -> "did you mean '" + g + "'?")
        .orElse("add it to " + r.section() + ", or use one of: " + String.join(", ", declared));
  }
}
