package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.GreetingRules;
import io.chatform.model.GreetingRules.Field;
import io.chatform.model.GreetingRules.RuleType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the schema cannot say about greetings, by the same table the emulator answers with ({@link
 * GreetingRules}): which of operator, value, urls and session_field each rule type requires or
 * refuses, the operators that fit it, its value range (visit times 0–900 seconds, counts), the
 * session_field keys, and an activity window of RFC 3339 date-times that ends after it starts.
 */
final class GreetingCheck {
  private static final String DATE_HINT =
      "write an RFC 3339 date-time with seconds and offset, e.g. 2026-01-01T00:00:00Z";

  private final ManifestCheck check;

  GreetingCheck(ManifestCheck check) {
    this.check = check;
  }

  void run(List<? extends Declared> greetings) {
    for (Declared g : greetings) {
      window(g);
      JsonNode rules = g.spec().path("rules");
      for (int i = 0; i < rules.size(); i++) {
        rule(g, "/rules/" + i, rules.get(i));
      }
    }
  }

  private void window(Declared g) {
    Optional<OffsetDateTime> from = time(g, "active_from");
    Optional<OffsetDateTime> until = time(g, "active_until");
    if (from.isPresent() && until.isPresent() && !until.get().isAfter(from.get())) {
      check.report(
          g,
          "/active_until",
          "active_until is not later than active_from",
          "make the greeting stop after it starts");
    }
  }

  private Optional<OffsetDateTime> time(Declared g, String field) {
    Optional<String> text = g.text(field);
    if (text.isEmpty() || !g.known("/" + field)) {
      return Optional.empty();
    }
    Optional<OffsetDateTime> t = GreetingRules.dateTime(text.get());
    if (t.isEmpty()) {
      check.report(
          g,
          "/" + field,
          field + " " + g.show("/" + field, g.spec().get(field)) + " is not an RFC 3339 date-time",
          DATE_HINT);
    }
    return t;
  }

  private void rule(Declared g, String at, JsonNode r) {
    Optional<RuleType> type = GreetingRules.ruleType(r.path("type").asText());
    if (!r.isObject() || type.isEmpty()) {
      return; // the schema reports a rule that is not an object or has an unknown type
    }
    RuleType t = type.get();
    for (Field f : Field.values()) {
      String name = f.name().toLowerCase(Locale.ROOT);
      if (t.takes(f) && !r.has(name)) {
        check.report(
            g,
            at,
            "a " + t.name() + " rule needs " + name,
            "add " + name + "; a " + t.name() + " rule takes " + needs(t));
      } else if (!t.takes(f) && r.has(name)) {
        check.report(
            g,
            at + "/" + name,
            "a " + t.name() + " rule takes no " + name,
            "remove " + name + "; a " + t.name() + " rule takes " + needs(t));
      }
    }
    if (t.takes(Field.OPERATOR) && r.path("operator").isTextual()) {
      GreetingRules.checkOperator(t, r.get("operator").asText())
          .ifPresent(
              p ->
                  check.report(
                      g,
                      at + "/operator",
                      "operator " + p,
                      "text rules (URLs, places, keywords) compare text; time and count rules"
                          + " compare numbers"));
    }
    JsonNode value = r.path("value");
    if (t.takes(Field.VALUE) && (value.isTextual() || value.isIntegralNumber())) {
      GreetingRules.checkValue(t, value.asText())
          .ifPresent(
              p ->
                  check.report(
                      g,
                      at + "/value",
                      "value " + g.show(at + "/value", value) + " of a " + t.name() + " rule " + p,
                      "use a value in the documented range"));
    }
    JsonNode urls = r.path("urls");
    for (int j = 0; t.takes(Field.URLS) && j < urls.size(); j++) {
      String op = urls.get(j).path("operator").asText();
      if (GreetingRules.OPERATORS.contains(op) && !GreetingRules.TEXT_OPERATORS.contains(op)) {
        check.report(
            g,
            at + "/urls/" + j + "/operator",
            "a URL is text: `" + op + "` does not compare it",
            "use one of equals, doesnt_equal, contains, doesnt_contain");
      }
    }
    JsonNode session = r.path("session_field");
    if (t.takes(Field.SESSION_FIELD) && session.isObject() && session.size() == 1) {
      Map.Entry<String, JsonNode> e = session.fields().next();
      GreetingRules.checkSessionField(t, e.getKey(), e.getValue().asText())
          .ifPresent(
              p ->
                  check.report(
                      g,
                      at + "/session_field",
                      "session_field " + p,
                      "custom_variable takes any one key; ads_traffic one ad network"));
    }
  }

  private static String needs(RuleType t) {
    return String.join(
        ", ",
        java.util.Arrays.stream(Field.values())
            .filter(t::takes)
            .map(f -> f.name().toLowerCase(Locale.ROOT))
            .toList());
  }
}
