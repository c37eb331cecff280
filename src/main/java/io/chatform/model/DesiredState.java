package io.chatform.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the manifests declare. A kind absent from {@code sections} is not managed (left
 * untouched); present with an empty list it means "none of these".
 *
 * @param manifestHash SHA-256 over the loaded files' bytes (sorted by path), for saved plans
 */
public record DesiredState(Policy policy, Map<Kind, List<Resource>> sections, String manifestHash) {
  public DesiredState {
    EnumMap<Kind, List<Resource>> copy = new EnumMap<>(Kind.class);
    sections.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    sections = java.util.Collections.unmodifiableMap(copy);
  }

  public boolean manages(Kind kind) {
    return sections.containsKey(kind);
  }

  public Optional<List<Resource>> section(Kind kind) {
    return Optional.ofNullable(sections.get(kind));
  }
}
