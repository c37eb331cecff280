package io.chatform.kinds;

import io.chatform.model.Kind;
import java.util.Set;

/** Groups: matched by name (names are not unique in LiveChat; the planner refuses ambiguity). */
public final class GroupRules implements KindRules {
  @Override
  public Kind kind() {
    return Kind.GROUPS;
  }

  @Override
  public Set<String> identityFields() {
    return Set.of("name");
  }
}
