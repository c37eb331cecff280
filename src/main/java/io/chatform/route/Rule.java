package io.chatform.route;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.SourceLocation;
import java.util.List;

/**
 * One auto access rule in evaluation order, manifest-shaped (groups by name) whether it came from
 * the manifests or from the live account, so one engine evaluates both.
 */
public record Rule(
    String description, List<String> groups, JsonNode conditions, SourceLocation location) {
  public Rule {
    groups = List.copyOf(groups);
  }
}
