package io.chatform.route;

import java.util.List;
import java.util.Optional;

/**
 * What routing a visitor gives: the rule that claimed them (none when no rule matched), the groups
 * the chat goes to, and every rule evaluated before the match with the reason it did not match.
 */
public record RouteResult(Optional<Rule> rule, List<String> groups, List<Skipped> skipped) {
  public RouteResult {
    groups = List.copyOf(groups);
    skipped = List.copyOf(skipped);
  }

  /** A rule that was checked and did not claim the visitor. */
  public record Skipped(Rule rule, String why) {}
}
