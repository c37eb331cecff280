package io.chatform.kinds;

import io.chatform.model.Kind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The one registry of per-kind behaviour; everything else looks kinds up here. */
public final class Kinds {
  private static final Map<Kind, KindRules> RULES = new EnumMap<>(Kind.class);

  static {
    for (KindRules r :
        List.of(
            new PropertyRules(),
            new GroupRules(),
            new AgentRules(),
            new BotRules(),
            new AutoAccessRules(),
            new LicensePropertyRules(),
            new GroupPropertyRules(),
            new WebhookRules(),
            new LicenseWebhookRules())) {
      RULES.put(r.kind(), r);
    }
  }

  private Kinds() {}

  public static KindRules rules(Kind kind) {
    return RULES.get(kind);
  }
}
