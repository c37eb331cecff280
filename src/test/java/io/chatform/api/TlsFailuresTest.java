package io.chatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

/** Handshake failures, shaped as the JDK and OkHttp nest them, worded by their real cause. */
class TlsFailuresTest {
  private static final String URL = "https://127.0.0.1:8443";

  private static SSLHandshakeException pkix(String message, Throwable cause) {
    SSLHandshakeException e = new SSLHandshakeException("PKIX path validation failed: " + message);
    e.initCause(cause);
    return e;
  }

  @Test
  void expiredIsNotCalledAnUntrustedCa() {
    Throwable chain =
        pkix(
            "java.security.cert.CertPathValidatorException: validity check failed",
            new CertPathValidatorException(
                "validity check failed",
                new CertificateExpiredException("NotAfter: Sat Jan 01 00:00:00 UTC 2000"),
                null,
                -1,
                CertPathValidatorException.BasicReason.EXPIRED));
    String m = TlsFailures.describe(chain, URL, Optional.of("ca.pem"));
    assertThat(m).contains(URL).contains("has expired").doesNotContain("--ca-cert");
    assertThat(m).doesNotContain("trusted CA");
  }

  @Test
  void notYetValid() {
    Throwable chain = pkix("validity", new CertificateNotYetValidException("NotBefore: 2090"));
    assertThat(TlsFailures.describe(chain, URL, Optional.empty()))
        .contains("not valid yet")
        .doesNotContain("--ca-cert");
  }

  @Test
  void hostnameMismatch() {
    Throwable e =
        new SSLPeerUnverifiedException(
            "Hostname 127.0.0.1 not verified:\n    certificate: sha256/abc\n    DN: CN=other");
    String m = TlsFailures.describe(e, URL, Optional.of("ca.pem"));
    assertThat(m).contains("does not name this host").doesNotContain("\n").doesNotContain("CN=");
  }

  @Test
  void unknownCaHintDependsOnWhetherCaCertWasGiven() {
    Throwable chain =
        new SSLHandshakeException(
            "PKIX path building failed: unable to find valid certification path to requested"
                + " target");
    assertThat(TlsFailures.describe(chain, URL, Optional.empty()))
        .contains("not signed by a trusted CA")
        .contains("pass --ca-cert FILE");
    assertThat(TlsFailures.describe(chain, URL, Optional.of("my-ca.pem")))
        .contains("not signed by a trusted CA")
        .contains("the CA in --ca-cert my-ca.pem did not sign it either")
        .doesNotContain("pass --ca-cert FILE");
  }
}
