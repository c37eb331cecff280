package io.chatform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.kinds.PropertyRules;
import java.util.Set;
import java.util.TreeSet;

/** Publishing of a property definition: a one-way change the plan must never try to undo. */
record PropertyPublish(Set<String> live, Set<String> desired) {
  PropertyPublish(JsonNode liveSpec, JsonNode desiredSpec) {
    this(of(liveSpec), of(desiredSpec));
  }

  /** The access types a spec publishes ({@code publish: true} = read and write). */
  static Set<String> of(JsonNode spec) {
    Set<String> out = new TreeSet<>();
    PropertyRules.publishList(spec.get("publish")).forEach(n -> out.add(n.asText()));
    return out;
  }

  /** True when the manifest asks to withdraw something already published. */
  boolean unpublishes() {
    return !desired.containsAll(live);
  }
}
