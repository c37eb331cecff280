package io.chatform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.kinds.LiveObject;
import io.chatform.kinds.ResourceKind;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.model.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the live object a desired one means: by its pinned live id first ({@code id: 2}), then by
 * its identity, then by a name it had before ({@code previous_names}), which makes the match a
 * rename. Refuses rather than guesses when the account allows more than one answer.
 */
final class LiveMatcher {
  /**
   * What a desired object matched: no live object (create), one (maybe renamed from an old name),
   * or a refusal, with the live objects it concerns (left alone by pruning).
   */
  record Found(List<LiveObject> live, Optional<String> renamedFrom, Optional<String> refusal) {
    static Found of(LiveObject o, Optional<String> renamedFrom) {
      return new Found(List.of(o), renamedFrom, Optional.empty());
    }

    static Found refused(List<LiveObject> live, String why) {
      return new Found(live, Optional.empty(), Optional.of(why));
    }
  }

  private final ResourceKind rules;
  private final Kind kind;
  private final Map<String, List<LiveObject>> byKey = new LinkedHashMap<>();
  private final Map<String, LiveObject> byId = new HashMap<>();
  private final Set<String> pinned = new HashSet<>();

  LiveMatcher(ResourceKind rules, List<Resource> want, List<LiveObject> have) {
    this.rules = rules;
    this.kind = rules.kind();
    for (LiveObject o : have) {
      byKey.computeIfAbsent(rules.key(o.spec()), k -> new ArrayList<>()).add(o);
      byId.put(o.liveId(), o);
    }
    want.forEach(r -> pin(r).filter(byId::containsKey).ifPresent(pinned::add));
  }

  Found find(Resource r) {
    String key = rules.key(r.spec());
    List<LiveObject> named = unpinned(key);
    Optional<String> pin = pin(r);
    if (pin.isPresent()) {
      return pinned(r, pin.get(), key, named);
    }
    List<LiveObject> old = previous(r);
    if (named.size() > 1) {
      return Found.refused(named, ambiguity(r, named));
    }
    if (named.size() == 1 && !old.isEmpty()) {
      List<LiveObject> both = new ArrayList<>(named);
      both.addAll(old);
      return Found.refused(
          both,
          at(r)
              + "both its name and a previous name exist in the account (ids "
              + ids(both)
              + "); chatform will not guess which one is meant. Remove the previous name from"
              + " the manifest, or rename or delete the other one in LiveChat, then plan again.");
    }
    if (named.size() == 1) {
      return Found.of(named.get(0), Optional.empty());
    }
    if (old.size() > 1) {
      return Found.refused(
          old,
          at(r)
              + "its previous names match "
              + old.size()
              + " live "
              + kind.section()
              + " (ids "
              + ids(old)
              + "); chatform will not guess which one to rename. Keep one previous name, or pin"
              + " the live id, then plan again.");
    }
    return old.isEmpty()
        ? new Found(List.of(), Optional.empty(), Optional.empty())
        : Found.of(old.get(0), currentName(old.get(0)));
  }

  private Found pinned(Resource r, String pin, String key, List<LiveObject> named) {
    LiveObject o = byId.get(pin);
    if (o == null) {
      return Found.refused(
          named,
          at(r)
              + "it is pinned to id "
              + pin
              + ", but the account has no "
              + kind.section()
              + " with that id"
              + (named.isEmpty() ? "" : " (its name belongs to id " + ids(named) + ")")
              + ". Correct or remove the id pin, then plan again.");
    }
    if (rules.key(o.spec()).equals(key)) {
      return Found.of(o, Optional.empty());
    }
    List<LiveObject> others = named.stream().filter(n -> n != o).toList();
    if (!others.isEmpty()) {
      List<LiveObject> both = new ArrayList<>(List.of(o));
      both.addAll(others);
      return Found.refused(
          both,
          at(r)
              + "it is pinned to id "
              + pin
              + " (now "
              + Json.text(o.spec(), rename())
              + "), but its name belongs to id "
              + ids(others)
              + " in the account; chatform will not rename one onto the other. Rename or"
              + " delete id "
              + ids(others)
              + " in LiveChat, pin it too, or change the pin, then plan again.");
    }
    return Found.of(o, currentName(o));
  }

  /** The live objects an old name of {@code r} names, not claimed by a pin. */
  private List<LiveObject> previous(Resource r) {
    JsonNode names = r.spec().path(Kind.PREVIOUS_NAMES);
    List<LiveObject> out = new ArrayList<>();
    if (io.chatform.kinds.Kinds.of(kind).renameField().isEmpty() || !names.isArray()) {
      return out;
    }
    for (JsonNode name : names) {
      ObjectNode was = r.spec().deepCopy().put(rename(), name.asText());
      unpinned(rules.key(was)).stream().filter(o -> !out.contains(o)).forEach(out::add);
    }
    return out;
  }

  private List<LiveObject> unpinned(String key) {
    return byKey.getOrDefault(key, List.of()).stream()
        .filter(o -> !pinned.contains(o.liveId()))
        .toList();
  }

  private Optional<String> pin(Resource r) {
    JsonNode id = r.spec().get(Kind.PIN);
    return io.chatform.kinds.Kinds.of(kind).pinnable() && id != null && !id.isNull()
        ? Optional.of(id.asText())
        : Optional.empty();
  }

  private Optional<String> currentName(LiveObject o) {
    return Optional.of(Json.text(o.spec(), rename()));
  }

  private String rename() {
    return io.chatform.kinds.Kinds.of(kind).renameField().orElse(kind.identityFields().get(0));
  }

  private static String at(Resource r) {
    return r.address() + " (" + r.location() + "): ";
  }

  private static String ids(List<LiveObject> live) {
    return live.stream().map(LiveObject::liveId).collect(Collectors.joining(", "));
  }

  private String ambiguity(Resource r, List<LiveObject> candidates) {
    return at(r)
        + candidates.size()
        + " live "
        + kind.section()
        + " share this identity (ids "
        + ids(candidates)
        + "); chatform will not guess which one the manifest means. "
        + remedy();
  }

  /** What clears an ambiguity: a repair where the kind can merge duplicates, else a hand fix. */
  private String remedy() {
    io.chatform.kinds.ResourceKind k = io.chatform.kinds.Kinds.of(kind);
    if (k instanceof io.chatform.kinds.Mergeable) {
      return "Run chatform repair with the same -f to see which ids are referenced by what and"
          + " merge them (keeps the one referenced most), or rename or delete the extra ones in"
          + " LiveChat, then plan again.";
    }
    return "chatform repair does not merge "
        + kind.section()
        + ": rename or delete the extra ones in LiveChat"
        + (k.pinnable() ? ", or pin the one the manifest means with id: <live id>" : "")
        + ", then plan again.";
  }
}
