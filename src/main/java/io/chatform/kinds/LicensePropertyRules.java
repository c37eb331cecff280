package io.chatform.kinds;

import io.chatform.model.Kind;
import java.util.Set;

/** License property values: one object per (namespace, name); the value is the only field. */
public final class LicensePropertyRules implements KindRules {
  @Override
  public Kind kind() {
    return Kind.LICENSE_PROPERTIES;
  }

  @Override
  public Set<String> identityFields() {
    return Set.of("namespace", "name");
  }
}
