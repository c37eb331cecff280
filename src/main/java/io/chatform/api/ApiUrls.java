package io.chatform.api;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides which {@code --api-url}s the client may talk to, before any connection: the credentials
 * travel in every request's {@code Authorization} header, so plain {@code http://} is allowed only
 * to this machine (the emulator on 127.0.0.1, ::1 or localhost), and a URL carrying its own
 * credentials ({@code https://user:pass@host}) is refused without echoing them.
 */
final class ApiUrls {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern USER_INFO =
      Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://)[^/?#\\s@]*@");

  private ApiUrls() {}

  /** The URL without a trailing slash, or an exception with one clear line. */
  static String check(String url) {
    String u = url.strip();
    String shown = withoutUserInfo(u);
    URI uri;
    try {
      uri = new URI(u);
    } catch (URISyntaxException e) {
      throw notHttp(shown);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw notHttp(shown);
    }
    if (uri.getRawUserInfo() != null || !shown.equals(u)) {
      throw new IllegalArgumentException(
          "--api-url "
              + shown
              + ": a URL must not carry credentials (user:password@); remove them — chatform"
              + " reads them from LIVECHAT_ACCOUNT_ID/LIVECHAT_PAT or LIVECHAT_ACCESS_TOKEN");
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw new IllegalArgumentException(
          "--api-url "
              + shown
              + ": plain http:// is allowed only to this machine (localhost, 127.0.0.1, ::1 —"
              + " e.g. the emulator), because the credentials would cross the network"
              + " unencrypted; use https://");
    }
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  /** The text with any {@code scheme://user:pass@} reduced to {@code scheme://(sensitive)@}. */
  static String withoutUserInfo(String text) {
    return USER_INFO.matcher(text).replaceAll("$1" + Redactor.MASK + "@");
  }

  /**
   * True for localhost and loopback literals (127.0.0.0/8, ::1). Names other than {@code localhost}
   * are never resolved: a DNS answer must not decide whether credentials go in clear.
   */
  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost")) {
      return true;
    }
    boolean literal = h.contains(":");
    if (IPV4.matcher(h).matches()) {
      for (String octet : h.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          return false;
        }
      }
      literal = true;
    }
    if (!literal) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress(); // a literal: no lookup happens
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static IllegalArgumentException notHttp(String shown) {
    return new IllegalArgumentException(
        "--api-url " + shown + " is not an http(s) URL; use e.g. " + ClientConfig.DEFAULT_API_URL);
  }
}
