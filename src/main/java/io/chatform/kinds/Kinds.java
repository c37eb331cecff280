package io.chatform.kinds;

import io.chatform.model.Kind;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The one registry of kinds; everything else looks a kind up here, by constant or section. */
public final class Kinds {
  private static final Map<Kind, ResourceKind> KINDS = new EnumMap<>(Kind.class);

  static {
    for (ResourceKind k :
        List.of(
            new PropertyKind(),
            new GroupKind(),
            new AgentKind(),
            new BotKind(),
            new AutoAccessKind(),
            new LicensePropertyKind(),
            new GroupPropertyKind(),
            new WebhookKind(),
            new LicenseWebhookKind())) {
      KINDS.put(k.kind(), k);
    }
  }

  private Kinds() {}

  /** Every registered kind, in dependency order. */
  public static Collection<ResourceKind> all() {
    return Collections.unmodifiableCollection(KINDS.values());
  }

  public static ResourceKind of(Kind kind) {
    return KINDS.get(kind);
  }

  /** The kind of a manifest section, e.g. {@code groups}. */
  public static Optional<ResourceKind> of(String section) {
    return Kind.fromSection(section).map(Kinds::of);
  }

  /** The comparison rules of a kind (the kind itself). */
  public static KindRules rules(Kind kind) {
    return of(kind);
  }

  /** The ability {@code type} (e.g. {@link Deleter}) of a kind, if it has it. */
  public static <T> Optional<T> ability(Kind kind, Class<T> type) {
    ResourceKind k = of(kind);
    return type.isInstance(k) ? Optional.of(type.cast(k)) : Optional.empty();
  }
}
