package io.chatform.api;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Words a failed TLS handshake by its real cause: an expired or not-yet-valid certificate, a
 * certificate for another host, or an unknown CA — so the advice fits (a {@code --ca-cert} hint
 * only when a CA is really missing, and a different one when {@code --ca-cert} was given).
 */
final class TlsFailures {
  private TlsFailures() {}

  /** One line: what is wrong with the server's certificate and what to do. */
  static String describe(Throwable e, String apiUrl, Optional<String> caCert) {
    String prefix = "TLS: the server at " + apiUrl + " is not trusted (";
    return switch (reason(e)) {
      case EXPIRED ->
          prefix
              + "its certificate has expired); renew the server's certificate, or check this"
              + " machine's clock";
      case NOT_YET_VALID ->
          prefix
              + "its certificate is not valid yet); check this machine's clock or the"
              + " certificate's start date";
      case WRONG_HOST ->
          prefix
              + "its certificate does not name this host); use the host name the certificate is"
              + " for in --api-url";
      case UNKNOWN_CA ->
          prefix
              + "its certificate is not signed by a trusted CA); "
              + caCert
                  .map(
                      f ->
                          "the CA in --ca-cert "
                              + f
                              + " did not sign it either: give the PEM of the CA that issued the"
                              + " server's certificate")
                  .orElse("if it uses its own CA (e.g. a TLS emulator), pass --ca-cert FILE");
      case OTHER -> prefix + lastPart(e) + "); check --api-url and the server's TLS setup";
    };
  }

  enum Reason {
    EXPIRED,
    NOT_YET_VALID,
    WRONG_HOST,
    UNKNOWN_CA,
    OTHER
  }

  /** The cause, found by walking the exception chain (the JDK nests it several levels deep). */
  static Reason reason(Throwable e) {
    boolean pkix = false;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CertificateExpiredException) {
        return Reason.EXPIRED;
      }
      if (t instanceof CertificateNotYetValidException) {
        return Reason.NOT_YET_VALID;
      }
      if (t instanceof CertPathValidatorException v) {
        if (v.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
          return Reason.EXPIRED;
        }
        if (v.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
          return Reason.NOT_YET_VALID;
        }
      }
      String m = String.valueOf(t.getMessage());
      if (t instanceof SSLPeerUnverifiedException
          || m.contains("No subject alternative")
          || m.contains("not verified")) {
        return Reason.WRONG_HOST;
      }
      if (m.contains("PKIX") || m.contains("certification path")) {
        pkix = true;
      }
    }
    return pkix ? Reason.UNKNOWN_CA : Reason.OTHER;
  }

  /** The last, most specific part of a chained JDK message. */
  private static String lastPart(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int colon = m.lastIndexOf(": ");
    return colon < 0 ? m : m.substring(colon + 2);
  }
}
