package io.chatform.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates auto access rules the way LiveChat does: in list order, the first rule whose conditions
 * match decides the groups; when none matches, the chat goes to group 0 ("General").
 */
public final class Router {
  private Router() {}

  public static RouteResult route(RoutingModel model, Visitor visitor) {
    List<RouteResult.Skipped> skipped = new ArrayList<>();
    for (Rule rule : model.rules()) {
      Optional<String> why = RuleMatcher.whyNot(rule, visitor);
      if (why.isEmpty()) {
        return new RouteResult(Optional.of(rule), rule.groups(), skipped);
      }
      skipped.add(new RouteResult.Skipped(rule, why.get()));
    }
    return new RouteResult(Optional.empty(), List.of(RoutingModel.GENERAL), skipped);
  }
}
