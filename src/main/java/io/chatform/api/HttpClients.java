package io.chatform.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionSpec;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Builds the one OkHttp client: auth header, debug line per attempt, TLS always verified (with an
 * optional extra CA), and no hidden retries or redirects — the engine owns retrying.
 */
final class HttpClients {
  private HttpClients() {}

  static OkHttpClient build(ClientConfig config, Redactor redactor) {
    OkHttpClient.Builder b =
        new OkHttpClient.Builder()
            // OkHttp would silently re-send a POST after a connection failure; a re-sent create
            // could duplicate an object, so only the engine (which knows idempotency) retries.
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .followSslRedirects(false)
            .connectTimeout(
                Math.min(10_000, config.callTimeout().toMillis()), TimeUnit.MILLISECONDS)
            .readTimeout(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .writeTimeout(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .callTimeout(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
            // First, so it wraps every body the engine (and Retrofit's error buffering) reads.
            .addInterceptor(new AnswerLimit(config.maxAnswerBytes()))
            .addInterceptor(new AuthInterceptor(config.credentials()));
    if (config.debug()) {
      b.addInterceptor(new DebugInterceptor(config.debugSink(), redactor));
    }
    if (config.caCert().isEmpty()
        && config.apiUrl().regionMatches(true, 0, "http:", 0, "http:".length())) {
      // Plain http (ApiUrls allows it only to loopback) with no redirects followed: TLS can never
      // be used, so the trust store is not loaded (~20% of a short command's start-up CPU).
      return b.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
    }
    try {
      X509TrustManager tm =
          config.caCert().isPresent()
              ? trustManagerWith(config.caCert().get())
              : defaultTrustManager();
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {tm}, null);
      int handshake = HandshakeDeadline.millisFor(config.apiUrl(), config.callTimeout().toMillis());
      b.sslSocketFactory(new HandshakeDeadline(ctx.getSocketFactory(), handshake), tm);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
    }
    return b.build();
  }

  /** The JDK's default trust anchors plus every certificate in the PEM file. */
  static X509TrustManager trustManagerWith(Path pem) {
    Collection<? extends Certificate> extra;
    try (InputStream in = Files.newInputStream(pem)) {
      extra = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException | GeneralSecurityException e) {
      throw new io.chatform.model.UserFacingException(
          "--ca-cert " + pem + ": cannot read a PEM certificate (" + e.getMessage() + ")", e);
    }
    if (extra.isEmpty()) {
      throw new io.chatform.model.UserFacingException(
          "--ca-cert " + pem + ": no certificate found; give a PEM file with BEGIN CERTIFICATE");
    }
    try {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      int i = 0;
      for (X509Certificate c : defaultTrustManager().getAcceptedIssuers()) {
        ks.setCertificateEntry("default-" + i++, c);
      }
      for (Certificate c : extra) {
        ks.setCertificateEntry("ca-cert-" + i++, c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      return x509(tmf.getTrustManagers())
          .orElseThrow(() -> new IllegalStateException("no X509 trust manager"));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot set up TLS trust: " + e.getMessage(), e);
    }
  }

  private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init((KeyStore) null);
    return x509(tmf.getTrustManagers())
        .orElseThrow(() -> new IllegalStateException("no default X509 trust manager"));
  }

  private static Optional<X509TrustManager> x509(TrustManager[] tms) {
    List<X509TrustManager> list = new ArrayList<>();
    for (TrustManager tm : tms) {
      if (tm instanceof X509TrustManager x) {
        list.add(x);
      }
    }
    return list.stream().findFirst();
  }

  /** Adds the {@code Authorization} header; the only code that reveals the credentials. */
  private static final class AuthInterceptor implements Interceptor {
    private final Credentials credentials;

    AuthInterceptor(Credentials credentials) {
      this.credentials = credentials;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
      Request r =
          chain
              .request()
              .newBuilder()
              .header("Authorization", credentials.authorizationHeader())
              .build();
      return chain.proceed(r);
    }
  }
}
