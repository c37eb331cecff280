package io.chatform.kinds;

import io.chatform.model.Kind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The one registry of per-kind behaviour; everything else looks kinds up here. */
public final class Kinds {
  private static final Map<Kind, KindRules> RULES = new EnumMap<>(Kind.class);
  private static final Map<Kind, KindWriter> WRITERS = new EnumMap<>(Kind.class);

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
    WRITERS.put(Kind.PROPERTIES, new PropertyWriter());
    WRITERS.put(Kind.GROUPS, new GroupWriter());
    WRITERS.put(Kind.AGENTS, new AgentWriter());
    WRITERS.put(Kind.BOTS, new BotWriter());
    WRITERS.put(Kind.AUTO_ACCESS, new AutoAccessWriter());
    WRITERS.put(Kind.LICENSE_PROPERTIES, new PropertyValueWriter(Kind.LICENSE_PROPERTIES));
    WRITERS.put(Kind.GROUP_PROPERTIES, new PropertyValueWriter(Kind.GROUP_PROPERTIES));
    WRITERS.put(Kind.WEBHOOKS, new WebhookWriter());
    WRITERS.put(Kind.LICENSE_WEBHOOKS, new LicenseWebhookWriter());
  }

  public static KindWriter writer(Kind kind) {
    return WRITERS.get(kind);
  }

  /** Moves an auto access rule in front of {@code before} ("" = to the end). */
  public static void moveAutoAccess(WriteContext ctx, String liveId, String before) {
    AutoAccessWriter.move(ctx, liveId, before);
  }

  private Kinds() {}

  public static KindRules rules(Kind kind) {
    return RULES.get(kind);
  }
}
