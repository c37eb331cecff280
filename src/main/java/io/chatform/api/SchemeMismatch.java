package io.chatform.api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

/**
 * {@code https://} against a plain-HTTP port, or {@code http://} against a TLS port: found within
 * about a second (the handshake has its own short deadline, see {@link HandshakeDeadline}) and said
 * in one line with the URL to use, instead of a 60-second hang or "unexpected end of stream" after
 * retries.
 */
final class SchemeMismatch {
  /** How long a plain-HTTP port gets to show it speaks TLS after all. */
  private static final int PROBE_MILLIS = 1_000;

  private SchemeMismatch() {}

  /**
   * The one-line explanation, when {@code e} is such a mismatch; asked only until the first HTTP
   * answer (after one, the scheme fits), so a dropped connection later never costs a probe.
   */
  static Optional<String> describe(IOException e, String apiUrl) {
    URI uri = URI.create(apiUrl);
    String authority = uri.getRawAuthority();
    String rest = authority + (uri.getRawPath() == null ? "" : uri.getRawPath());
    if ("https".equals(uri.getScheme()) && plainAnswer(e)) {
      return Optional.of(
          "TLS: the server at "
              + apiUrl
              + " does not speak TLS (no TLS handshake answer); if it is plain HTTP, use http://"
              + rest
              + " in --api-url (or start the emulator with --tls)");
    }
    if ("http".equals(uri.getScheme())
        && !(e instanceof SocketTimeoutException)
        && !(e instanceof java.net.ConnectException) // nothing listens: no port to probe
        && speaksTls(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort())) {
      return Optional.of(
          "the server at "
              + apiUrl
              + " speaks TLS, not plain HTTP: use https://"
              + rest
              + " in --api-url (with --ca-cert FILE if it uses its own CA)");
    }
    return Optional.empty();
  }

  /** A handshake that timed out (nothing answered the ClientHello) or got an HTTP answer. */
  private static boolean plainAnswer(IOException e) {
    if (e instanceof SocketTimeoutException && inHandshake(e)) {
      return true;
    }
    return e instanceof SSLException
        && !(e instanceof SSLHandshakeException)
        && String.valueOf(e.getMessage()).contains("Unsupported or unrecognized SSL message");
  }

  private static boolean inHandshake(Throwable e) {
    for (StackTraceElement f : e.getStackTrace()) {
      if (f.getMethodName().equals("startHandshake")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the port answers a TLS ClientHello with a TLS server hello. Nothing is sent but the
   * handshake; a certificate the JDK does not trust still proves the port speaks TLS.
   */
  static boolean speaksTls(String host, int port) {
    try (SSLSocket s = (SSLSocket) SSLContext.getDefault().getSocketFactory().createSocket()) {
      s.connect(new InetSocketAddress(host, port), PROBE_MILLIS);
      s.setSoTimeout(PROBE_MILLIS);
      s.startHandshake();
      return true;
    } catch (SSLHandshakeException e) {
      return TlsFailures.reason(e) != TlsFailures.Reason.OTHER;
    } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }
}
