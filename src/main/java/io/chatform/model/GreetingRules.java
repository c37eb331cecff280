package io.chatform.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The greeting rule table of create_greeting (3.6 and 3.7 agree): which fields each {@code
 * rules[].type} takes, which operators fit it and what its {@code value} may be, plus the other
 * documented value lists and limits of a greeting. Shared by the emulator and {@code validate}, so
 * both refuse exactly the same greetings. Checks return the problem as a message (empty = fine).
 */
public final class GreetingRules {
  private GreetingRules() {}

  /** A rule field a type may take. */
  public enum Field {
    OPERATOR,
    VALUE,
    URLS,
    SESSION_FIELD
  }

  /** What a rule's {@code value} holds. */
  public enum ValueKind {
    /** No value: the type takes none. */
    NONE,
    /** Seconds on the site or page: an integer 0–900. */
    SECONDS,
    /** A count (pages viewed, visits): a non-negative integer. */
    COUNT,
    /** Text compared to a URL, location or keyword: a non-empty string. */
    TEXT
  }

  /** One row of the table ("Parameter requirements for each rules[].type value"). */
  public record RuleType(String name, Set<Field> fields, ValueKind value) {
    public boolean takes(Field f) {
      return fields.contains(f);
    }

    /** The operators that fit this type's {@code operator} (empty when it takes none). */
    public Set<String> operators() {
      if (!takes(Field.OPERATOR)) {
        return Set.of();
      }
      return value == ValueKind.TEXT ? TEXT_OPERATORS : NUMBER_OPERATORS;
    }
  }

  public static final int MAX_RULES = 10;
  public static final int MAX_URLS = 10;
  public static final int MAX_SECONDS = 900;
  public static final int MAX_SESSION_FIELD_CHARS = 255;
  public static final int MAX_ELEMENTS = 10;
  public static final int MAX_BUTTONS = 13;

  public static final Set<String> TYPES = Set.of("normal", "announcement");
  public static final Set<String> CONDITIONS = Set.of("and", "or");

  /** Every documented operator ("Possible values for the rules[].operator …"). */
  public static final List<String> OPERATORS =
      List.of(
          "equals",
          "doesnt_equal",
          "lower_than",
          "lower_or_equal",
          "greater_than",
          "greater_or_equal",
          "contains",
          "doesnt_contain");

  /** The operators that compare text (URLs, locations, keywords; also {@code urls[].operator}). */
  public static final Set<String> TEXT_OPERATORS =
      Set.of("equals", "doesnt_equal", "contains", "doesnt_contain");

  /** The operators that compare numbers (times and counts). */
  public static final Set<String> NUMBER_OPERATORS =
      Set.of(
          "equals",
          "doesnt_equal",
          "lower_than",
          "lower_or_equal",
          "greater_than",
          "greater_or_equal");

  public static final Set<String> ADS_TRAFFIC_KEYS =
      Set.of("microsoft", "facebook", "google", "twitter", "yahoo");

  /** The documented keys of {@code properties}. */
  public static final Set<String> PROPERTY_KEYS =
      Set.of(
          "addon",
          "is_exit_intent",
          "greeting-message_text",
          "greeting-message_json_key",
          "greeting-message_phrase_key");

  public static final Set<String> TEMPLATE_IDS = Set.of("cards", "sticker", "quick_replies");
  public static final Set<String> BUTTON_TYPES = Set.of("webview", "message", "url", "phone");
  public static final Set<String> BUTTON_ROLES = Set.of("default", "primary", "danger");

  private static final Map<String, RuleType> RULE_TYPES = new LinkedHashMap<>();

  static {
    Set<Field> opValue = Set.of(Field.OPERATOR, Field.VALUE);
    rule("visit_time_site", opValue, ValueKind.SECONDS);
    rule("visit_time_page", opValue, ValueKind.SECONDS);
    rule("url_current", opValue, ValueKind.TEXT);
    rule("url_visited", opValue, ValueKind.TEXT);
    rule("url_funnel", Set.of(Field.URLS), ValueKind.NONE);
    rule("pages_view_number", opValue, ValueKind.COUNT);
    rule("url_referrer", opValue, ValueKind.TEXT);
    rule("geolocation", opValue, ValueKind.TEXT);
    rule("visits_number", opValue, ValueKind.COUNT);
    rule("search_keyword", opValue, ValueKind.TEXT);
    rule("custom_variable", Set.of(Field.SESSION_FIELD), ValueKind.NONE);
    rule("ads_traffic", Set.of(Field.SESSION_FIELD), ValueKind.NONE);
    rule(
        "url_match_page_view_number",
        Set.of(Field.OPERATOR, Field.VALUE, Field.URLS),
        ValueKind.COUNT);
  }

  private static void rule(String name, Set<Field> fields, ValueKind value) {
    RULE_TYPES.put(name, new RuleType(name, fields, value));
  }

  /** Every rule type, in the documented order. */
  public static List<String> ruleTypes() {
    return List.copyOf(RULE_TYPES.keySet());
  }

  public static Optional<RuleType> ruleType(String name) {
    return Optional.ofNullable(RULE_TYPES.get(name));
  }

  /**
   * What is wrong with {@code value} for {@code type} (the value as the API takes it: a string).
   */
  public static Optional<String> checkValue(RuleType type, String value) {
    return switch (type.value()) {
      case NONE -> Optional.of("takes no value");
      case TEXT -> value.isEmpty() ? Optional.of("must not be empty") : Optional.empty();
      case SECONDS -> integerWithin(value, MAX_SECONDS, "seconds");
      case COUNT -> integerWithin(value, Integer.MAX_VALUE, "a count");
    };
  }

  private static Optional<String> integerWithin(String value, int max, String what) {
    String range = "must be an integer between 0 and " + max + " (" + what + ")";
    if (!value.matches("\\d{1,10}")) {
      return Optional.of(range);
    }
    long v = Long.parseLong(value);
    return v > max ? Optional.of(range) : Optional.empty();
  }

  /** What is wrong with {@code operator} for {@code type}. */
  public static Optional<String> checkOperator(RuleType type, String operator) {
    if (!OPERATORS.contains(operator)) {
      return Optional.of("must be one of " + String.join(", ", OPERATORS));
    }
    Set<String> fit = type.operators();
    if (!fit.contains(operator)) {
      return Optional.of(
          "`"
              + operator
              + "` does not fit a "
              + type.name()
              + " rule; use one of "
              + String.join(", ", OPERATORS.stream().filter(fit::contains).toList()));
    }
    return Optional.empty();
  }

  /** What is wrong with one {@code session_field} key/value pair of {@code type}. */
  public static Optional<String> checkSessionField(RuleType type, String key, String value) {
    if (type.name().equals("ads_traffic") && !ADS_TRAFFIC_KEYS.contains(key)) {
      return Optional.of("key `" + key + "` must be one of " + String.join(", ", sortedAdsKeys()));
    }
    if (key.isEmpty() || key.codePointCount(0, key.length()) > MAX_SESSION_FIELD_CHARS) {
      return Optional.of("key must be 1–" + MAX_SESSION_FIELD_CHARS + " characters");
    }
    if (value.codePointCount(0, value.length()) > MAX_SESSION_FIELD_CHARS) {
      return Optional.of("value must be at most " + MAX_SESSION_FIELD_CHARS + " characters");
    }
    return Optional.empty();
  }

  /** RFC 3339 section 5.6 (seconds and offset required; ISO 8601 alone would allow less). */
  private static final java.util.regex.Pattern RFC_3339 =
      java.util.regex.Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

  /** An {@code active_from}/{@code active_until} value as a moment, if it is RFC 3339. */
  public static Optional<java.time.OffsetDateTime> dateTime(String value) {
    if (!RFC_3339.matcher(value).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(java.time.OffsetDateTime.parse(value));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static List<String> sortedAdsKeys() {
    return ADS_TRAFFIC_KEYS.stream().sorted().toList();
  }
}
