package io.chatform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Values a JSON Schema pattern cannot judge but the API refuses: time zones that do not exist and
 * country codes outside ISO 3166-1 alpha-2. Both are checked against the JDK's own data ({@link
 * ZoneId#getAvailableZoneIds()}, {@link Locale#getISOCountries()}), with a "did you mean".
 *
 * <p>Values still holding an unresolved {@code ${env:…}}/{@code ${file:…}} reference (validate
 * without {@code --resolve}) are not judged: their text is not known offline.
 */
final class ValueCheck {
  private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  /** Codes people write that ISO 3166-1 spells differently. */
  private static final Map<String, String> COUNTRY_ALIASES = Map.of("UK", "GB", "EL", "GR");

  private final SemanticCheck semantic;

  ValueCheck(SemanticCheck semantic) {
    this.semantic = semantic;
  }

  /**
   * create_agent / create_bot: "work_scheduler.timezone: The timezone for the work scheduler"; the
   * examples use IANA names (Europe/Warsaw). A name the time-zone database does not know would fail
   * at apply, after the plan's other writes.
   */
  void timezone(Item item) {
    String rel = "/work_scheduler/timezone";
    JsonNode tz = item.spec().at(rel);
    if (!tz.isTextual() || tz.asText().isEmpty() || !item.known(rel)) {
      return;
    }
    String zone = tz.asText();
    if (ZONES.contains(zone)) {
      return;
    }
    Optional<String> sameLetters = ZONES.stream().filter(z -> z.equalsIgnoreCase(zone)).findFirst();
    String hint =
        sameLetters
            .or(() -> Suggestions.closest(zone, ZONES))
            .map(z -> "did you mean '" + z + "'?")
            .orElse("use an IANA time zone name such as Europe/Warsaw or UTC");
    semantic.report(item, rel, "'" + item.shownText(rel) + "' is not a time zone", hint);
  }

  /**
   * add_auto_access: geolocation {@code country_code}, example "US". The docs give no list; ISO
   * 3166-1 alpha-2 is what the example follows, and a code outside it can never match a visitor.
   */
  void countries(Item rule) {
    JsonNode values = rule.spec().at("/conditions/geolocation/values");
    if (!values.isArray()) {
      return;
    }
    for (int i = 0; i < values.size(); i++) {
      String rel = "/conditions/geolocation/values/" + i + "/country_code";
      JsonNode code = rule.spec().at(rel);
      if (!code.isTextual() || !code.asText().matches("[A-Z]{2}") || !rule.known(rel)) {
        continue; // wrong shapes were reported by the schema
      }
      String c = code.asText();
      if (!COUNTRIES.contains(c)) {
        String alias = COUNTRY_ALIASES.get(c);
        semantic.report(
            rule,
            rel,
            "'" + rule.shownText(rel) + "' is not an ISO 3166-1 alpha-2 country code",
            alias != null
                ? "did you mean '" + alias + "'?"
                : "use a two-letter ISO 3166-1 code such as DE, GB or US");
      }
    }
  }
}
