package io.chatform.kinds;

import io.chatform.model.Kind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only snapshot of the managed kinds in the account. Kinds that were not read (not managed)
 * are absent, never empty.
 *
 * @param callerAgentId the agent behind the credential, when it could be determined; the plan never
 *     deletes or demotes it
 * @param unmanaged objects of kinds the manifests do not manage, read either because they name
 *     managed ones (bots naming groups when only groups are managed: to say what a delete leaves
 *     pointing at nothing) or because managed ones name them (the groups agents are in, when groups
 *     are not managed: so a plan refuses a name the account does not have); never planned
 */
public record LiveState(
    Map<Kind, List<LiveObject>> objects,
    Optional<String> callerAgentId,
    Map<Kind, List<LiveObject>> unmanaged) {
  public LiveState {
    objects = copy(objects);
    unmanaged = copy(unmanaged);
  }

  public LiveState(Map<Kind, List<LiveObject>> objects, Optional<String> callerAgentId) {
    this(objects, callerAgentId, Map.of());
  }

  private static Map<Kind, List<LiveObject>> copy(Map<Kind, List<LiveObject>> m) {
    EnumMap<Kind, List<LiveObject>> copy = new EnumMap<>(Kind.class);
    m.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(copy);
  }

  public List<LiveObject> of(Kind kind) {
    return objects.getOrDefault(kind, List.of());
  }

  public boolean has(Kind kind) {
    return objects.containsKey(kind);
  }

  /** True when {@code kind} was listed for this snapshot, managed or not. */
  public boolean wasRead(Kind kind) {
    return has(kind) || unmanaged.containsKey(kind);
  }

  /** The live objects of {@code kind} read, managed or not: what may point at another object. */
  public List<LiveObject> read(Kind kind) {
    return has(kind) ? of(kind) : unmanaged.getOrDefault(kind, List.of());
  }
}
