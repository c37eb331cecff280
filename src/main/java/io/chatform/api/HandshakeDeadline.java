package io.chatform.api;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The TLS handshake's own deadline: OkHttp bounds it by the read timeout (the whole call's, 60 s by
 * default), so {@code https://} against a plain-HTTP port, which waits for a request line that
 * never comes, would hang that long. A loopback server (the emulator) answers a ClientHello at
 * once, so it gets one second; a remote one ten (far above any real handshake).
 */
final class HandshakeDeadline extends SSLSocketFactory {
  private final SSLSocketFactory delegate;
  private final int millis;

  HandshakeDeadline(SSLSocketFactory delegate, int millis) {
    this.delegate = delegate;
    this.millis = millis;
  }

  /** The deadline for a handshake with the host of {@code apiUrl}, at most the call's. */
  static int millisFor(String apiUrl, long callTimeoutMillis) {
    String host = java.net.URI.create(apiUrl).getHost();
    long limit = host != null && ApiUrls.isLoopback(host) ? 1_000 : 10_000;
    return (int) Math.max(1, Math.min(limit, callTimeoutMillis));
  }

  private Socket bounded(Socket s) throws IOException {
    s.setSoTimeout(millis); // OkHttp sets the read timeout again once the connection is up
    return s;
  }

  @Override
  public Socket createSocket(Socket s, String host, int port, boolean autoClose)
      throws IOException {
    return bounded(delegate.createSocket(s, host, port, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return bounded(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress local, int localPort)
      throws IOException {
    return bounded(delegate.createSocket(host, port, local, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return bounded(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
      throws IOException {
    return bounded(delegate.createSocket(host, port, local, localPort));
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }
}
