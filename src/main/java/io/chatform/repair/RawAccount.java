package io.chatform.repair;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.api.LiveChatClient;
import io.chatform.kinds.Kinds;
import io.chatform.kinds.Mergeable;
import io.chatform.kinds.RawListed;
import io.chatform.model.Kind;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The account as the API lists it, with ids (not the manifest-shaped, name-based snapshot a plan
 * uses): duplicates share a name, so only ids can tell which object a rule or membership means.
 * Deep copies, so a repair can update them as it plans steps one after another.
 */
public final class RawAccount implements Mergeable.RawLists {
  private final Map<Kind, List<ObjectNode>> lists = new EnumMap<>(Kind.class);

  /** The raw lists given, by kind (a kind not given is an empty list). */
  public RawAccount(Map<Kind, List<ObjectNode>> lists) {
    lists.forEach((k, l) -> this.lists.put(k, copy(l)));
  }

  /**
   * Reads what a repair of {@code kinds} needs: their own lists and those their merges read ({@link
   * Mergeable#mergeReads}); app-owned objects of {@code owners} only.
   */
  public static RawAccount read(LiveChatClient client, Set<Kind> kinds, Set<String> owners) {
    Set<Kind> needed = EnumSet.noneOf(Kind.class);
    for (Kind k : kinds) {
      Kinds.ability(k, Mergeable.class)
          .ifPresent(
              m -> {
                needed.add(k);
                needed.addAll(m.mergeReads());
              });
    }
    Map<Kind, List<ObjectNode>> read = new EnumMap<>(Kind.class);
    for (Kind k : needed) {
      // A kind this API version lacks is not read at all (as LiveReader does).
      if (client.version().atLeast(Kinds.of(k).since())) {
        Kinds.ability(k, RawListed.class).ifPresent(r -> read.put(k, r.readRaw(client, owners)));
      }
    }
    return new RawAccount(read);
  }

  @Override
  public List<ObjectNode> of(Kind kind) {
    return lists.getOrDefault(kind, List.of());
  }

  /** Deep copies without secret fields (some SDKs model a webhook's secret_key): never shown. */
  private static List<ObjectNode> copy(List<ObjectNode> in) {
    return in.stream()
        .map(o -> o.deepCopy().without(List.of("secret_key", "secret")))
        .map(ObjectNode.class::cast)
        .toList();
  }
}
