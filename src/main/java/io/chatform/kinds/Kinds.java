package io.chatform.kinds;

import io.chatform.model.Kind;
import io.chatform.model.Reference;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The one registry of kinds; everything else looks a kind up here, by constant or section. */
public final class Kinds {
  /** In the order a manifest document lists the sections (dependency order is {@link Kind}'s). */
  private static final Map<Kind, ResourceKind> KINDS = new LinkedHashMap<>();

  static {
    for (ResourceKind k :
        List.of(
            new GroupKind(),
            new AgentKind(),
            new BotKind(),
            new AutoAccessKind(),
            new PropertyKind(),
            new LicensePropertyKind(),
            new GroupPropertyKind(),
            new WebhookKind(),
            new LicenseWebhookKind(),
            new TagKind(),
            new BotTemplateKind(),
            new GreetingKind(),
            new CannedResponseKind(),
            new AllowedDomainKind())) {
      KINDS.put(k.kind(), k);
    }
  }

  private Kinds() {}

  /** Every registered kind, in the order an exported manifest lists them. */
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

  /** The kinds that play a part in routing chats ({@link ResourceKind#routing()}). */
  public static Set<Kind> routing() {
    Set<Kind> out = EnumSet.noneOf(Kind.class);
    all().stream().filter(k -> k.routing().isPresent()).forEach(k -> out.add(k.kind()));
    return out;
  }

  /** The kind that plays {@code role} in routing. */
  public static Kind routing(Routing role) {
    return all().stream()
        .filter(k -> k.routing().equals(Optional.of(role)))
        .map(ResourceKind::kind)
        .findFirst()
        .orElseThrow();
  }

  /**
   * {@code kinds} and every kind they reference, directly or not: what a read of {@code kinds}
   * lists (references are named from them).
   */
  public static Set<Kind> withReferenced(Set<Kind> kinds) {
    Set<Kind> out = EnumSet.noneOf(Kind.class);
    out.addAll(kinds);
    Deque<Kind> todo = new ArrayDeque<>(out);
    while (!todo.isEmpty()) {
      for (Reference r : of(todo.pop()).references()) {
        Kind target = Kind.fromSection(r.section()).orElseThrow();
        if (out.add(target)) {
          todo.push(target);
        }
      }
    }
    return out;
  }

  /**
   * The kinds whose specs name objects of one of {@code kinds} as members ({@link
   * Reference.Tie#MEMBER}): what is left pointing at nothing when such an object is deleted or
   * replaced, and so what a read lists to say so, managed or not.
   */
  public static Set<Kind> referrers(Set<Kind> kinds) {
    Set<Kind> out = EnumSet.noneOf(Kind.class);
    for (ResourceKind k : all()) {
      for (Reference r : k.references()) {
        Kind target = Kind.fromSection(r.section()).orElseThrow();
        if (r.tie() == Reference.Tie.MEMBER && kinds.contains(target)) {
          out.add(k.kind());
        }
      }
    }
    return out;
  }
}
