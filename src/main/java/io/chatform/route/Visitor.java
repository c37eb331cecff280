package io.chatform.route;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The facts LiveChat checks auto access rules against: the page the customer is on and where they
 * are. Absent facts are empty strings, so a rule that needs them does not match.
 *
 * @param domain the customer URL's domain; when blank it is taken from {@code url}'s host
 */
public record Visitor(
    String url, String domain, String country, String countryCode, String region, String city) {
  public Visitor {
    url = clean(url);
    domain = clean(domain);
    country = clean(country);
    countryCode = clean(countryCode);
    region = clean(region);
    city = clean(city);
    if (domain.isEmpty()) {
      domain = hostOf(url).orElse("");
    }
  }

  /** A visitor on a page, with a country given as an ISO code ({@code DE}) or a name. */
  public static Visitor of(String url, String country) {
    boolean code = country != null && country.trim().length() == 2;
    return new Visitor(url, "", code ? "" : country, code ? country : "", "", "");
  }

  /**
   * The host of the URL, lower-cased, without port or {@code www.}-stripping. A URL written without
   * a scheme ({@code acme.example/pricing}) is read as if it had {@code https://}.
   */
  static Optional<String> hostOf(String url) {
    if (url.isEmpty()) {
      return Optional.empty();
    }
    String withScheme = url.contains("://") ? url : "https://" + url;
    try {
      String host = URI.create(withScheme.replace(" ", "%20")).getHost();
      return Optional.ofNullable(host).map(h -> h.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String clean(String s) {
    return s == null ? "" : s.trim();
  }

  /** How messages show the visitor: only the facts that were given. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    add(b, "url", url);
    add(b, "domain", domain);
    add(b, "country", country);
    add(b, "country_code", countryCode);
    add(b, "region", region);
    add(b, "city", city);
    return b.length() == 0 ? "(no facts given)" : b.toString();
  }

  private static void add(StringBuilder b, String key, String value) {
    if (!value.isEmpty()) {
      b.append(b.length() == 0 ? "" : " ").append(key).append('=').append(value);
    }
  }
}
