package io.chatform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.Kind;
import io.chatform.model.Reference;
import io.chatform.model.SourceLocation;
import io.chatform.model.WebhookActions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
  }

  void run() {
    ScheduleCheck schedules = new ScheduleCheck(this, version);
    duplicates();
    new RenameCheck(this).run();
    references();
    for (Item a : of(Kind.AGENTS)) {
      agentLimits(a);
      schedules.check(a);
      if (a.spec().has("avatar") && version.atLeast(ApiVersion.V3_6)) {
        report(
            a,
            "/avatar",
            "an agent's avatar cannot be set through API 3.6 (it moved to the account-level APIs)",
            "remove avatar, or use --api-version 3.5");
      }
    }
    for (Item b : of(Kind.BOTS)) {
      schedules.check(b);
      if (b.spec().has("type") && !version.atLeast(ApiVersion.V3_6)) {
        report(
            b,
            "/type",
            "bots have a type only from API 3.6",
            "remove type or use --api-version 3.6");
      }
    }
    for (Item r : of(Kind.AUTO_ACCESS)) {
      autoAccess(r);
    }
    new PropertyCheck(this, of(Kind.PROPERTIES), managed.contains(Kind.PROPERTIES))
        .run(of(Kind.LICENSE_PROPERTIES), of(Kind.GROUP_PROPERTIES));
    webhooks();
    PerAppLimit.check(this, of(Kind.BOT_TEMPLATES), 5, "bot templates");
    new ValueCheck(this).run(of(Kind.AGENTS), of(Kind.BOTS), of(Kind.AUTO_ACCESS));
    PreviewKindsCheck.run(this);
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

  private void duplicates() {
    Map<Kind, Map<String, Item>> seen = new HashMap<>();
    for (Item item : items) {
      String id = item.kind().identity(item.spec());
      if (id.isEmpty() || id.startsWith("/") || id.endsWith("/") || id.contains("//")) {
        continue; // identity fields missing: the schema reported them
      }
      // Agent ids are e-mail addresses. The docs do not say whether the API compares them with
      // or without letter case; e-mail domains are case-insensitive and one person must never
      // become two agents, so ids that differ only in case are the same agent here.
      // Tags: LiveChat matches a new tag's name against existing ones ignoring case.
      String key = item.kind().identityIgnoresCase() ? id.toLowerCase(java.util.Locale.ROOT) : id;
      Item first = seen.computeIfAbsent(item.kind(), k -> new HashMap<>()).putIfAbsent(key, item);
      if (first == null || RenameCheck.pinnedApart(first, item)) {
        continue; // new, or one of the groups an account names alike, each pinned to its id
      }
      SourceLocation f = first.location();
      boolean caseOnly = !first.kind().identity(first.spec()).equals(id);
      id = item.shownIdentity(); // never echo a value that came from a secret
      if (caseOnly && item.kind() == Kind.TAGS) {
        report(
            item,
            "",
            "tag '"
                + id
                + "' is the same tag as '"
                + first.shownIdentity()
                + "' (declared at "
                + f
                + "): LiveChat matches tag names ignoring letter case",
            "declare each tag once, with one spelling of its name");
      } else if (caseOnly && item.kind() == Kind.ALLOWED_DOMAINS) {
        report(
            item,
            "",
            "domain '"
                + id
                + "' is the same domain as '"
                + first.shownIdentity()
                + "' (declared at "
                + f
                + "): domain names ignore letter case",
            "list each domain once");
      } else if (caseOnly) {
        report(
            item,
            "",
            "agent '"
                + id
                + "' is the same agent as '"
                + first.shownIdentity()
                + "' (declared at "
                + f
                + "): agent ids are e-mail addresses and differ here only in letter case",
            "declare each agent once, with one spelling of its e-mail; lower case is usual");
      } else if (item.kind() == Kind.AUTO_ACCESS) {
        report(
            item,
            "",
            "auto access description '" + id + "' is repeated (first at " + f + ")",
            "descriptions identify rules: make each one unique");
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
      for (Reference r : item.kind().references()) {
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
    Set<String> out = new LinkedHashSet<>(kind.implicitIdentities());
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

  private void agentLimits(Item a) {
    JsonNode max = a.spec().get("max_chats_count");
    int limit = version.atLeast(ApiVersion.V3_5) ? 20 : 100;
    if (max != null && max.isIntegralNumber() && max.asLong() > limit && max.asLong() <= 100) {
      report(
          a,
          "/max_chats_count",
          "max_chats_count "
              + max.asLong()
              + " is above "
              + limit
              + ", the limit for agents in API "
              + version.label(),
          "use " + limit + " or less");
    }
  }

  private void autoAccess(Item r) {
    JsonNode c = r.spec().get("conditions");
    if (c == null || !c.isObject()) {
      return;
    }
    if (!c.has("url") && !c.has("domain") && !c.has("geolocation")) {
      report(
          r,
          "/conditions",
          "conditions need at least one of url, domain, geolocation",
          "add e.g. domain: {values: [{value: example.com}]}");
    }
    for (String field : List.of("url", "domain")) {
      exclusive(r, c.get(field), "/conditions/" + field);
    }
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

  private void webhooks() {
    List<String> actions = WebhookActions.forVersion(version);
    Map<String, List<Item>> perAction = new HashMap<>();
    for (Item w : of(Kind.WEBHOOKS)) {
      String action = w.text("action").orElse("");
      if (!action.isEmpty() && !actions.contains(action)) {
        report(
            w,
            "/action",
            "'" + w.shownText("/action") + "' is not a webhook action in API " + version.label(),
            actionHint(action, actions));
      }
      WebhookFilterCheck.check(this, w, action, version);
      JsonNode filters = w.spec().get("filters");
      if (filters != null && filters.isObject()) {
        // author_type only has an effect on incoming_event and event_updated; elsewhere (as in the
        // format's own example, incoming_chat) it is accepted and chatform leaves it out of the
        // API call, since LiveChat takes it only on those two actions.
        JsonNode presence = filters.get("chat_presence");
        if (presence != null && presence.isObject()) {
          exclusive(w, presence.get("user_ids"), "/filters/chat_presence/user_ids");
        }
      }
      String owner = w.text("owner_client_id").orElse("");
      String ownerShown = w.shownText("/owner_client_id");
      List<Item> same = perAction.computeIfAbsent(owner + "/" + action, k -> new ArrayList<>());
      same.add(w);
      if (same.size() > 3) {
        report(
            w,
            "",
            "more than 3 webhooks for action "
                + action
                + " of Client ID "
                + ownerShown
                + " (others at "
                + same.get(0).location()
                + ", "
                + same.get(1).location()
                + ", "
                + same.get(2).location()
                + ")",
            "the API allows at most 3 webhooks per action per Client ID");
      }
    }
  }

  private String actionHint(String action, List<String> actions) {
    List<String> elsewhere =
        ApiVersion.released().stream()
            .filter(v -> WebhookActions.forVersion(v).contains(action))
            .map(ApiVersion::label)
            .toList();
    if (!elsewhere.isEmpty()) {
      return "it exists in API "
          + String.join(", ", elsewhere)
          + "; choose another action or --api-version";
    }
    return Suggestions.closest(action, actions)
        .map(a -> "did you mean '" + a + "'?")
        .orElse("see list_webhook_names for API " + version.label());
  }

  private static String hint(Reference r, String name, Set<String> declared) {
    return Suggestions.closest(name, declared)
        .map(g -> "did you mean '" + g + "'?")
        .orElse("add it to " + r.section() + ", or use one of: " + String.join(", ", declared));
  }
}
