package io.chatform.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.kinds.LiveObject;
import io.chatform.kinds.LiveState;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Fingerprints of the live objects a plan touches, so a saved plan is applied only to the account
 * it was made against: if any of them changed (or something appeared where a create was planned),
 * the plan is stale.
 */
public final class Fingerprints {
  /** The fingerprint of an object that does not exist. */
  public static final String ABSENT = "absent";

  /** Key of the fingerprint of the auto access order, when a plan moves rules. */
  public static final String AUTO_ACCESS_ORDER = "auto_access/(order)";

  private Fingerprints() {}

  /** {@code asRead}: the live spec as read, for one the plan compared with names renamed. */
  static Map<String, String> of(
      List<Action> actions, LiveState live, java.util.function.UnaryOperator<ObjectNode> asRead) {
    Map<String, String> out = new TreeMap<>();
    for (Action a : actions) {
      String hash = a.live().map(l -> Json.sha256(Json.canonical(asRead.apply(l)))).orElse(ABSENT);
      Optional<String> was = a.renamedFrom().flatMap(n -> a.live().map(a.kind()::address));
      // A renamed object is found under its old address until applied; the new one stays free.
      out.put(a.address(), was.isPresent() ? ABSENT : hash);
      was.ifPresent(old -> out.put(old, hash));
      if (a.moves()) {
        out.put(AUTO_ACCESS_ORDER, order(live));
      }
    }
    return out;
  }

  /** The current fingerprints of {@code addresses} in {@code live}. */
  public static Map<String, String> current(Iterable<String> addresses, LiveState live) {
    return current(addresses, live, java.util.function.UnaryOperator.identity());
  }

  /**
   * As {@link #current(Iterable, LiveState)}, where {@code shown} maps a live object's address to
   * the one plans print (an identity from {@code ${env:…}} shows as its reference text).
   */
  public static Map<String, String> current(
      Iterable<String> addresses, LiveState live, java.util.function.UnaryOperator<String> shown) {
    Map<String, String> byAddress = new TreeMap<>();
    for (Kind k : Kind.values()) {
      for (LiveObject o : live.of(k)) {
        byAddress.put(shown.apply(o.address()), Json.sha256(Json.canonical(o.spec())));
      }
    }
    Map<String, String> out = new TreeMap<>();
    for (String address : addresses) {
      out.put(
          address,
          address.equals(AUTO_ACCESS_ORDER)
              ? order(live)
              : byAddress.getOrDefault(address, ABSENT));
    }
    return out;
  }

  /** The order of the objects of the one ordered kind (a {@code Mover}), whose key this is. */
  private static String order(LiveState live) {
    Kind ordered =
        Kind.fromSection(AUTO_ACCESS_ORDER.substring(0, AUTO_ACCESS_ORDER.indexOf('/')))
            .orElseThrow();
    return Json.sha256(
        live.of(ordered).stream().map(LiveObject::identity).collect(Collectors.joining("\n")));
  }
}
