package io.chatform.kinds;

import io.chatform.model.Kind;
import java.util.Set;

/** Group property values: one object per (group name, namespace, name). */
public final class GroupPropertyRules implements KindRules {
  @Override
  public Kind kind() {
    return Kind.GROUP_PROPERTIES;
  }

  @Override
  public Set<String> identityFields() {
    return Set.of("group", "namespace", "name");
  }
}
