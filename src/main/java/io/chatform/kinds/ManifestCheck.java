package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.Kind;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What a kind's own validation ({@link ResourceKind#check}) is given: the API version, the way to
 * report a problem located at a field of a declared object, and the checks several kinds share.
 * Reports at a node the schema already reported are dropped.
 */
public interface ManifestCheck {
  ApiVersion version();

  /** Reports {@code message} (with {@code hint}) at field {@code rel} of {@code item}. */
  void report(Declared item, String rel, String message, String hint);

  /** {@code values} and {@code exclude_values} of the condition at {@code rel}: one, not both. */
  void exclusive(Declared item, JsonNode node, String rel);

  /** Its work schedule: timezone, slots per day, order and overlaps, the time zone's name. */
  void schedule(Declared item);

  /** Its geolocation country codes (ISO 3166-1 alpha-2). */
  void countries(Declared item);

  /** At most {@code max} objects per app (Client ID), e.g. 5 bot templates. */
  void perAppLimit(List<? extends Declared> items, int max, String noun);

  /** A webhook's filters against its action. */
  void webhookFilters(Declared item, String action);

  /** True when the manifests manage {@code kind}: a name they do not declare is then missing. */
  boolean manages(Kind kind);

  /**
   * Property definitions: domain, range and default; what values are checked against ({@code
   * managed}: a value without a declared definition is reported).
   */
  void propertyDefinitions(List<? extends Declared> definitions, boolean managed);

  /** Property values against their definitions; {@code where} names them (license, group). */
  void propertyValues(List<? extends Declared> values, String where);

  /** The candidate closest to {@code word}, for a "did you mean". */
  Optional<String> closest(String word, Collection<String> candidates);

  /** What to say about two objects with one identity, where a kind words it itself. */
  record Wording(String message, String hint) {
    /**
     * "{@code noun} 'id' is the same {@code noun} as 'first' (declared at …): {@code why}", for two
     * identities that differ only in letter case; empty when they do not.
     */
    public static Optional<Wording> sameButForCase(
        boolean caseOnly,
        String noun,
        String id,
        String first,
        String firstAt,
        String why,
        String hint) {
      if (!caseOnly) {
        return Optional.empty();
      }
      String message =
          noun + " '" + id + "' is the same " + noun + " as '" + first + "' (declared at ";
      return Optional.of(new Wording(message + firstAt + "): " + why, hint));
    }
  }
}
