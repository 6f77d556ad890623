package org.backupcatalog.web.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An identity provider's key endpoints on 127.0.0.1, for tests: {@code /jwks} serves the current
 * key set (public halves only), {@code /.well-known/openid-configuration} a discovery document
 * pointing at it. It counts the key set fetches, can answer 503 as a provider in trouble does, and
 * can be stopped and started again on the same port.
 */
final class KeySetServer implements AutoCloseable {

  private final AtomicInteger keySetFetches = new AtomicInteger();
  private final AtomicInteger discoveryFetches = new AtomicInteger();
  private volatile JWKSet keys;
  private volatile boolean failing;
  private volatile String announcedIssuer;
  private volatile String announcedJwksUri;
  private HttpServer server;
  private int port;

  KeySetServer(JWK... keys) throws IOException {
    serve(keys);
    start(0);
  }

  /** Replaces the key set, as a provider does at a rotation. */
  void serve(JWK... newKeys) {
    keys = new JWKSet(List.of(newKeys)).toPublicJWKSet();
  }

  /** 503 to every request while set. */
  void failing(boolean fail) {
    failing = fail;
  }

  /** What the discovery document says; by default the issuer and key set of this server. */
  void announce(String issuer, String jwksUri) {
    announcedIssuer = issuer;
    announcedJwksUri = jwksUri;
  }

  String issuer() {
    return "http://127.0.0.1:" + port + "/realms/test";
  }

  String keySetUrl() {
    return "http://127.0.0.1:" + port + "/jwks";
  }

  int keySetFetches() {
    return keySetFetches.get();
  }

  int discoveryFetches() {
    return discoveryFetches.get();
  }

  /** Stops listening: connections are refused, as with a provider that is down. */
  void stop() {
    server.stop(0);
  }

  /** Listens again on the same port. */
  void restart() throws IOException {
    start(port);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void start(int onPort) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
    port = server.getAddress().getPort();
    server.createContext(
        "/jwks",
        exchange -> {
          keySetFetches.incrementAndGet();
          answer(exchange, keys.toString());
        });
    server.createContext(
        "/realms/test" + ProviderKeySet.DISCOVERY_PATH,
        exchange -> {
          discoveryFetches.incrementAndGet();
          String issuer = announcedIssuer == null ? issuer() : announcedIssuer;
          String jwks = announcedJwksUri == null ? keySetUrl() : announcedJwksUri;
          answer(exchange, "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwks + "\"}");
        });
    server.start();
  }

  private void answer(HttpExchange exchange, String json) throws IOException {
    try (exchange) {
      byte[] body =
          (failing ? "<html>Service Unavailable</html>" : json).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", failing ? "text/html" : "application/json");
      exchange.sendResponseHeaders(failing ? 503 : 200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
