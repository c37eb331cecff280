package io.chatform.manifest;

import io.chatform.model.DesiredState;
import java.util.List;
import java.util.Optional;

/**
 * What loading manifests produced: the desired state when they are valid, and every problem found.
 *
 * @param state present only when {@code diagnostics} is empty
 */
public record LoadResult(Optional<DesiredState> state, List<Diagnostic> diagnostics) {
  public LoadResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return state.isPresent() && diagnostics.isEmpty();
  }
}
