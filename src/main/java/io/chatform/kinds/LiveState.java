package io.chatform.kinds;

import io.chatform.model.Kind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A read-only snapshot of the managed kinds in the account. Kinds that were not read (not managed)
 * are absent, never empty.
 *
 * @param callerAgentId the agent behind the credential, when it could be determined; the plan never
 *     deletes or demotes it
 */
public record LiveState(
    Map<Kind, List<LiveObject>> objects, java.util.Optional<String> callerAgentId) {
  public LiveState {
    EnumMap<Kind, List<LiveObject>> copy = new EnumMap<>(Kind.class);
    objects.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    objects = Collections.unmodifiableMap(copy);
  }

  public List<LiveObject> of(Kind kind) {
    return objects.getOrDefault(kind, List.of());
  }

  public boolean has(Kind kind) {
    return objects.containsKey(kind);
  }
}
