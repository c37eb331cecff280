package io.chatform.plan;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.chatform.model.FieldMode;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The plan's JSON form, documented by {@code schemas/plan.schema.json}: what {@code plan --json}
 * prints and {@code plan --out} saves. Sensitive values are never written: the file keeps the
 * reference they came from ({@code ${env:…}}) and {@link #read} resolves it again at apply time.
 */
public final class PlanJson {
  static final String REDACTED = "(sensitive)";

  private PlanJson() {}

  public static ObjectNode write(Plan plan) {
    ObjectNode root = Json.object();
    root.put("format_version", plan.formatVersion());
    ObjectNode target = root.putObject("target");
    target.put("api_url", plan.target().apiUrl());
    target.put("account", plan.target().account());
    target.put("api_version", plan.target().apiVersion());
    if (plan.target().preview()) {
      target.put("preview", true);
    }
    root.put("manifest_hash", plan.manifestHash());
    root.put("fields", plan.fields().label());
    ObjectNode summary = root.putObject("summary");
    for (ActionType t : ActionType.values()) {
      summary.put(t.verb(), t == ActionType.MOVE ? plan.moveCount() : plan.count(t));
    }
    summary.put("text", plan.summary());
    ArrayNode actions = root.putArray("actions");
    plan.actions().forEach(a -> actions.add(action(a, plan)));
    ArrayNode notices = root.putArray("notices");
    plan.notices()
        .forEach(n -> notices.addObject().put("address", n.address()).put("message", n.message()));
    ObjectNode fp = root.putObject("fingerprints");
    new TreeMap<>(plan.fingerprints()).forEach(fp::put);
    if (!plan.routingOrder().isEmpty()) {
      root.set("routing_order", RoutingOrder.toJson(plan.routingOrder()));
    }
    return root;
  }

  private static ObjectNode action(Action a, Plan plan) {
    ObjectNode o = Json.object();
    o.put("id", a.id());
    o.put("type", a.type().verb());
    o.put("kind", a.kind().section());
    o.put("address", a.address());
    ShownIds.liveId(a).ifPresent(id -> o.put("live_id", id)); // never a secret identity
    a.renamedFrom().ifPresent(was -> o.put("renamed_from", was));
    // The neighbour's description as outputs show it: from ${env:…} its reference, not its value.
    a.moveBefore().ifPresent(m -> o.put("move_before", plan.shownRule(m)));
    o.put("irreversible", a.irreversible());
    ArrayNode changes = o.putArray("changes");
    for (FieldChange c : a.changes()) {
      ObjectNode ch = changes.addObject().put("field", c.field()).put("sensitive", c.sensitive());
      c.before().ifPresent(b -> ch.set("before", b));
      c.after().ifPresent(v -> ch.set("after", v));
      if (c.unset()) {
        ch.put("unset", true);
      }
    }
    ArrayNode deps = o.putArray("depends_on");
    a.dependsOn().forEach(deps::add);
    ArrayNode notes = o.putArray("notes");
    a.notes().forEach(notes::add);
    List<String> forcing = ReplaceReasons.forcing(a);
    if (!forcing.isEmpty()) {
      ArrayNode f = o.putArray("forces_replacement");
      forcing.forEach(f::add);
    }
    ReplaceReasons.warning(a).ifPresent(w -> o.put("warning", w));
    a.desired().ifPresent(d -> o.set("desired", redact(d, a.sensitive().keySet())));
    // The live value at a sensitive pointer is the same secret (or the one it replaces).
    a.live().ifPresent(l -> o.set("live", redactValues(redact(l, a.sensitive().keySet()), a)));
    ObjectNode refs = o.putObject("sensitive");
    new TreeMap<>(a.sensitive()).forEach(refs::put);
    return o;
  }

  /**
   * Lists in a live spec need not be in the manifest's order (an agent's groups), so a secret may
   * sit at another index than its pointer: any text equal to a sensitive value is redacted too.
   */
  private static ObjectNode redactValues(ObjectNode live, Action a) {
    Set<String> secrets = new HashSet<>();
    a.desired()
        .ifPresent(
            d ->
                a.sensitive()
                    .keySet()
                    .forEach(
                        p -> {
                          JsonNode v = d.at(p);
                          if (v.isTextual() && !v.asText().isEmpty()) {
                            secrets.add(v.asText());
                          }
                        }));
    if (!secrets.isEmpty()) {
      scrub(live, secrets);
    }
    return live;
  }

  private static void scrub(JsonNode node, Set<String> secrets) {
    if (node instanceof ObjectNode obj) {
      List<String> names = new ArrayList<>();
      obj.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        if (obj.get(n).isTextual() && secrets.contains(obj.get(n).asText())) {
          obj.put(n, REDACTED);
        } else {
          scrub(obj.get(n), secrets);
        }
      }
    } else if (node instanceof ArrayNode arr) {
      for (int i = 0; i < arr.size(); i++) {
        if (arr.get(i).isTextual() && secrets.contains(arr.get(i).asText())) {
          arr.set(i, TextNode.valueOf(REDACTED));
        } else {
          scrub(arr.get(i), secrets);
        }
      }
    }
  }

  private static ObjectNode redact(ObjectNode spec, Iterable<String> pointers) {
    ObjectNode copy = spec.deepCopy();
    for (String p : pointers) {
      JsonPointer ptr = JsonPointer.compile(p);
      JsonNode parent = copy.at(ptr.head());
      if (parent instanceof ObjectNode po) {
        if (!po.has(ptr.last().getMatchingProperty())) {
          continue; // a live spec may lack the field
        }
        po.put(ptr.last().getMatchingProperty(), REDACTED);
      } else if (parent instanceof ArrayNode pa
          && ptr.last().getMatchingIndex() >= 0
          && ptr.last().getMatchingIndex() < pa.size()) {
        pa.set(ptr.last().getMatchingIndex(), TextNode.valueOf(REDACTED));
      }
    }
    return copy;
  }

  /**
   * Reads a saved plan, resolving each sensitive reference with {@code resolve} (which throws a
   * user-facing error when a reference cannot be resolved).
   */
  public static Plan read(JsonNode root, SecretResolver resolve) {
    int format = root.path("format_version").asInt(-1);
    if (format != Plan.FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "unsupported plan format_version "
              + format
              + " (this chatform reads "
              + Plan.FORMAT_VERSION
              + ")");
    }
    for (String field : List.of("target", "manifest_hash", "actions", "fingerprints")) {
      if (root.path(field).isMissingNode() || root.path(field).isNull()) {
        throw new IllegalArgumentException(
            "not a complete saved plan (no " + field + "); make it again with plan --out");
      }
    }
    JsonNode t = root.path("target");
    Target target =
        new Target(
            t.path("api_url").asText(), t.path("account").asText(), t.path("api_version").asText());
    List<Action> actions = new ArrayList<>();
    for (JsonNode a : root.path("actions")) {
      actions.add(readAction(a, resolve));
    }
    List<Notice> notices = new ArrayList<>();
    root.path("notices")
        .forEach(
            n -> notices.add(new Notice(n.path("address").asText(), n.path("message").asText())));
    Map<String, String> fp = new HashMap<>();
    root.path("fingerprints")
        .fields()
        .forEachRemaining(e -> fp.put(e.getKey(), e.getValue().asText()));
    return new Plan(
            format,
            target,
            root.path("manifest_hash").asText(),
            actions,
            fp,
            notices,
            RoutingOrder.fromJson(root.path("routing_order")))
        .withFields(fieldMode(root.path("fields")));
  }

  /** A plan saved before issue #16 has no {@code fields}: it was made comparing declared keys. */
  private static FieldMode fieldMode(JsonNode fields) {
    if (fields.isMissingNode() || fields.isNull()) {
      return FieldMode.DECLARED;
    }
    return FieldMode.parse(fields.asText())
        .orElseThrow(() -> new IllegalArgumentException("unknown plan fields mode " + fields));
  }

  private static Action readAction(JsonNode a, SecretResolver resolve) {
    Map<String, String> sensitive = new HashMap<>();
    a.path("sensitive")
        .fields()
        .forEachRemaining(e -> sensitive.put(e.getKey(), e.getValue().asText()));
    Optional<ObjectNode> desired =
        Optional.ofNullable((ObjectNode) a.get("desired")).map(ObjectNode::deepCopy);
    desired.ifPresent(
        d ->
            sensitive.forEach(
                (ptr, ref) -> {
                  JsonPointer p = JsonPointer.compile(ptr);
                  if (d.at(p.head()) instanceof ObjectNode parent) {
                    parent.put(
                        p.last().getMatchingProperty(),
                        resolve.resolve(a.path("address").asText(), ptr, ref));
                  }
                }));
    List<FieldChange> changes = new ArrayList<>();
    for (JsonNode c : a.path("changes")) {
      changes.add(
          new FieldChange(
              c.path("field").asText(),
              Optional.ofNullable(c.get("before")),
              Optional.ofNullable(c.get("after")),
              c.path("sensitive").asBoolean(),
              c.path("unset").asBoolean()));
    }
    List<String> deps = new ArrayList<>();
    a.path("depends_on").forEach(d -> deps.add(d.asText()));
    List<String> notes = new ArrayList<>();
    a.path("notes").forEach(n -> notes.add(n.asText()));
    String id = a.path("id").asText();
    Kind kind =
        Kind.fromSection(a.path("kind").asText())
            .orElseThrow(() -> new IllegalArgumentException("unknown kind " + a.path("kind")));
    String address = a.path("address").asText();
    Optional<String> before = Optional.ofNullable(a.get("move_before")).map(JsonNode::asText);
    boolean mark = a.path("irreversible").asBoolean();
    ActionType type = typeOf(a.path("type").asText());
    // a step that writes no spec has no sensitive values: any saved for it are not read
    boolean liveOnly = type == ActionType.DELETE || type == ActionType.MOVE;
    Action.Head head =
        new Action.Head(id, kind, address, deps, mark, liveOnly ? Map.of() : sensitive, notes);
    return switch (type) {
      case CREATE -> new Action.Create(head, needed(desired, id, "desired"), before);
      case UPDATE ->
          new Action.Update(
              head, write(a, id, desired, changes), ReplaceReasons.updateReason(notes), before);
      case REPLACE ->
          new Action.Replace(
              head, write(a, id, desired, changes), ReplaceReasons.replaceReason(notes), before);
      case DELETE -> new Action.Delete(head, liveId(a, id), live(a, id));
      case MOVE ->
          new Action.Move(head, liveId(a, id), live(a, id), needed(before, id, "move_before"));
    };
  }

  /** A key the step's type needs: a saved plan without it cannot be applied. */
  private static <T> T needed(Optional<T> value, String id, String key) {
    return value.orElseThrow(() -> new IllegalArgumentException(id + " has no " + key));
  }

  private static Action.Write write(
      JsonNode a, String id, Optional<ObjectNode> desired, List<FieldChange> changes) {
    return new Action.Write(liveId(a, id), needed(desired, id, "desired"), live(a, id), changes);
  }

  private static String liveId(JsonNode a, String id) {
    return needed(Optional.ofNullable(a.get("live_id")).map(JsonNode::asText), id, "live_id");
  }

  private static ObjectNode live(JsonNode a, String id) {
    return needed(Optional.ofNullable((ObjectNode) a.get("live")), id, "live");
  }

  private static ActionType typeOf(String verb) {
    for (ActionType t : ActionType.values()) {
      if (t.verb().equals(verb)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown action type " + verb);
  }

  /** Finds a sensitive value again when a saved plan is applied. */
  @FunctionalInterface
  public interface SecretResolver {
    /**
     * @param address the object's address
     * @param pointer where in its spec the value goes
     * @param reference {@code ${env:NAME}}, {@code ${file:PATH}} or {@code ${manifest}} (written
     *     literally in the manifests)
     */
    String resolve(String address, String pointer, String reference);
  }
}
