package io.chatform.route;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether one auto access rule claims a visitor, and if not, says why in words a reviewer
 * understands. The choices made where the API docs are silent are listed in docs/routing.md.
 */
public final class RuleMatcher {
  private RuleMatcher() {}

  private static final List<String> GEO_FIELDS =
      List.of("country", "country_code", "region", "city");

  /** Empty when the rule matches; otherwise the first condition that failed, explained. */
  public static Optional<String> whyNot(Rule rule, Visitor v) {
    JsonNode c = rule.conditions();
    // Docs silent on how url, domain and geolocation combine: all that are set must match.
    if (c.has("url")) {
      Optional<String> why = textCondition("url", c.get("url"), v.url(), false);
      if (why.isPresent()) {
        return why;
      }
    }
    if (c.has("domain")) {
      Optional<String> why = textCondition("domain", c.get("domain"), v.domain(), true);
      if (why.isPresent()) {
        return why;
      }
    }
    if (c.has("geolocation")) {
      return geolocation(c.get("geolocation"), v);
    }
    return Optional.empty();
  }

  /**
   * {@code values}: matches when at least one value matches; {@code exclude_values}: matches when
   * none does. {@code exact_match} (default false) compares the whole text, otherwise the value is
   * a substring. Domains compare case-insensitively, URLs as written.
   */
  private static Optional<String> textCondition(
      String field, JsonNode cond, String actual, boolean ignoreCase) {
    boolean exclude = cond.has("exclude_values");
    JsonNode list = exclude ? cond.get("exclude_values") : cond.path("values");
    List<String> shown = new ArrayList<>();
    String hit = null;
    for (JsonNode m : list) {
      String value = m.path("value").asText("");
      boolean exact = m.path("exact_match").asBoolean(false);
      shown.add((exact ? "= " : "~ ") + value);
      if (hit == null && matches(actual, value, exact, ignoreCase)) {
        hit = value;
      }
    }
    String shownActual = actual.isEmpty() ? "(none given)" : actual;
    if (exclude && hit != null) {
      return Optional.of(field + " " + shownActual + " is excluded by '" + hit + "'");
    }
    if (!exclude && hit == null) {
      return Optional.of(field + " " + shownActual + " matches none of " + shown);
    }
    return Optional.empty();
  }

  static boolean matches(String actual, String value, boolean exact, boolean ignoreCase) {
    if (actual.isEmpty()) {
      return false; // nothing known never matches a value (so an exclude list lets it through)
    }
    String a = ignoreCase ? actual.toLowerCase(Locale.ROOT) : actual;
    String b = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
    return exact ? a.equals(b) : a.contains(b);
  }

  /**
   * Docs: values "matches when at least one subcondition matches"; a geolocation object "is
   * fulfilled only when all of the specified fields match". Fields compare case-insensitively and
   * exactly; a field the visitor lacks does not match.
   */
  private static Optional<String> geolocation(JsonNode geo, Visitor v) {
    List<String> shown = new ArrayList<>();
    for (JsonNode o : geo.path("values")) {
      boolean all = true;
      List<String> parts = new ArrayList<>();
      for (String f : GEO_FIELDS) {
        if (o.hasNonNull(f) && !o.get(f).asText().isEmpty()) {
          parts.add(f + "=" + o.get(f).asText());
          all &= o.get(f).asText().equalsIgnoreCase(fact(v, f));
        }
      }
      if (all && !parts.isEmpty()) {
        return Optional.empty();
      }
      shown.add(String.join(" ", parts));
    }
    String who = geoFacts(v);
    return Optional.of("geolocation " + who + " matches none of " + shown);
  }

  static String fact(Visitor v, String field) {
    return switch (field) {
      case "country" -> v.country();
      case "country_code" -> v.countryCode();
      case "region" -> v.region();
      default -> v.city();
    };
  }

  private static String geoFacts(Visitor v) {
    List<String> parts = new ArrayList<>();
    for (String f : GEO_FIELDS) {
      if (!fact(v, f).isEmpty()) {
        parts.add(f + "=" + fact(v, f));
      }
    }
    return parts.isEmpty() ? "(none given)" : String.join(" ", parts);
  }
}
