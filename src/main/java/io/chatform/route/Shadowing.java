package io.chatform.route;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Proves that an earlier rule matches every visitor a later rule matches, so the later one can
 * never match. Conservative: it answers "shadows" only when that follows from the conditions alone
 * (the same semantics as {@link RuleMatcher}); anything it cannot prove counts as not shadowed.
 */
public final class Shadowing {
  private Shadowing() {}

  /** True when every visitor matching {@code later} also matches {@code earlier}. */
  public static boolean shadows(Rule earlier, Rule later) {
    JsonNode a = earlier.conditions();
    JsonNode b = later.conditions();
    return text(a.get("url"), b.get("url"), false)
        && text(a.get("domain"), b.get("domain"), true)
        && geo(a.get("geolocation"), b.get("geolocation"));
  }

  private static boolean text(JsonNode a, JsonNode b, boolean ignoreCase) {
    if (a == null) {
      return true; // no condition: matches anything
    }
    if (b == null) {
      return false; // later matches texts the earlier condition may refuse
    }
    if (a.has("exclude_values")) {
      for (JsonNode ex : a.get("exclude_values")) {
        if (!excludedToo(ex, b, ignoreCase)) {
          return false;
        }
      }
      return true;
    }
    if (b.has("exclude_values") || b.path("values").isEmpty()) {
      return false;
    }
    for (JsonNode vb : b.path("values")) {
      boolean covered = false;
      for (JsonNode va : a.path("values")) {
        covered |= implies(vb, va, ignoreCase);
      }
      if (!covered) {
        return false;
      }
    }
    return true;
  }

  /** Every text matching match object {@code vb} also matches {@code va}. */
  private static boolean implies(JsonNode vb, JsonNode va, boolean ignoreCase) {
    String b = norm(vb, ignoreCase);
    String a = norm(va, ignoreCase);
    if (exact(va)) {
      return exact(vb) && a.equals(b);
    }
    return b.contains(a);
  }

  /** Nothing the later condition matches is refused by the earlier exclusion {@code ex}. */
  private static boolean excludedToo(JsonNode ex, JsonNode b, boolean ignoreCase) {
    String e = norm(ex, ignoreCase);
    if (b.has("exclude_values")) {
      for (JsonNode eb : b.get("exclude_values")) {
        // the later rule refuses at least what ex refuses
        if (exact(ex)
            ? norm(eb, ignoreCase).equals(e) || !exact(eb) && e.contains(norm(eb, ignoreCase))
            : !exact(eb) && e.contains(norm(eb, ignoreCase))) {
          return true;
        }
      }
      return false;
    }
    JsonNode values = b.path("values");
    if (values.isEmpty()) {
      return false;
    }
    for (JsonNode vb : values) {
      String v = norm(vb, ignoreCase);
      // only exact later values can be proven never to contain the exclusion
      if (!exact(vb) || (exact(ex) ? v.equals(e) : v.contains(e))) {
        return false;
      }
    }
    return true;
  }

  private static boolean geo(JsonNode a, JsonNode b) {
    if (a == null) {
      return true;
    }
    if (b == null) {
      return false;
    }
    for (JsonNode ob : b.path("values")) {
      boolean covered = false;
      for (JsonNode oa : a.path("values")) {
        covered |= subset(oa, ob);
      }
      if (!covered) {
        return false;
      }
    }
    return !b.path("values").isEmpty();
  }

  /** Every field {@code oa} specifies, {@code ob} specifies with the same value. */
  private static boolean subset(JsonNode oa, JsonNode ob) {
    boolean any = false;
    for (String f : new String[] {"country", "country_code", "region", "city"}) {
      String va = oa.path(f).asText("");
      if (!va.isEmpty()) {
        any = true;
        if (!va.equalsIgnoreCase(ob.path(f).asText(""))) {
          return false;
        }
      }
    }
    return any;
  }

  private static boolean exact(JsonNode m) {
    return m.path("exact_match").asBoolean(false);
  }

  private static String norm(JsonNode m, boolean ignoreCase) {
    String v = m.path("value").asText("");
    return ignoreCase ? v.toLowerCase(Locale.ROOT) : v;
  }
}
