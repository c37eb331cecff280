package io.chatform.manifest;

import io.chatform.model.DesiredState;
import java.util.List;
import java.util.Optional;

/**
 * What loading manifests produced: the desired state when they are valid, and every problem found.
 *
 * @param state present only when {@code diagnostics} is empty
 * @param deferred secrets left unresolved in {@link SecretMode#WHERE_SENT}, needed only if sent
 */
public record LoadResult(
    Optional<DesiredState> state, List<Diagnostic> diagnostics, List<DeferredSecret> deferred) {
  public LoadResult {
    diagnostics = List.copyOf(diagnostics);
    deferred = List.copyOf(deferred);
  }

  public LoadResult(Optional<DesiredState> state, List<Diagnostic> diagnostics) {
    this(state, diagnostics, List.of());
  }

  public boolean ok() {
    return state.isPresent() && diagnostics.isEmpty();
  }
}
