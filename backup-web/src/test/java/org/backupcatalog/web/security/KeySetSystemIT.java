package org.backupcatalog.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.backupcatalog.web.testing.RunningCatalog;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The built catalog with keys from a key set (JWKS) served on 127.0.0.1 by the test, with an
 * issuer, an audience and Keycloak's {@code realm_access.roles}: the whole path inside Payara (the
 * fetch, the cache, the checks) in the default build, where {@code KeycloakIT} runs only in its
 * profile. The key set server counts its fetches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeySetSystemIT {

  private static final String PROJECT = "jwks-project";
  private static final String AUDIENCE = "backup-catalog";
  private static final String ROLES = "realm_access";

  private RSAKey rsa;
  private ECKey ec;
  private KeySetServer provider;
  private RunningCatalog catalog;

  @BeforeAll
  void start() throws Exception {
    rsa = new RSAKeyGenerator(2048).keyID("rsa-1").algorithm(JWSAlgorithm.RS256).generate();
    ec =
        new ECKeyGenerator(Curve.P_256)
            .keyID("ec-1")
            .algorithm(JWSAlgorithm.ES256)
            .keyUse(KeyUse.SIGNATURE)
            .generate();
    provider = new KeySetServer(rsa, ec);
    catalog =
        RunningCatalog.start(
            "jwks",
            Map.of(
                "BACKUP_AUTH_JWKS_URL",
                provider.keySetUrl(),
                "BACKUP_AUTH_ISSUER",
                provider.issuer(),
                "BACKUP_AUTH_AUDIENCE",
                AUDIENCE,
                "BACKUP_AUTH_ROLES_CLAIM",
                ROLES + ".roles"));
  }

  @AfterAll
  void stop() {
    try {
      if (catalog != null) {
        catalog.close();
      }
    } finally {
      provider.close();
    }
  }

  /** A token as Keycloak shapes it: issuer, audience, roles under {@code realm_access}. */
  private TestTokens.Builder token(String... roles) {
    return TestTokens.member(PROJECT)
        .without("roles")
        .claim(ROLES, Map.of("roles", List.of(roles)))
        .issuer(provider.issuer())
        .audience("account", AUDIENCE);
  }

  private TestTokens.Builder rs256(TestTokens.Builder token, RSAKey key) throws JOSEException {
    return token.keyId(key.getKeyID()).signedBy(JWSAlgorithm.RS256, new RSASSASigner(key));
  }

  private int list(String token, String query) {
    try (Response response =
        catalog
            .target("v1/" + PROJECT + "/checkpoint_items")
            .queryParam("all_tenants", query)
            .request()
            .header("X-Auth-Token", token)
            .get()) {
      return response.getStatus();
    }
  }

  @Test
  @Order(1)
  void tokensSignedWithTheKeySetsKeys() throws Exception {
    assertEquals(200, list(rs256(token(), rsa).build(), "false"));
    assertEquals(
        200,
        list(
            token().keyId("ec-1").signedBy(JWSAlgorithm.ES256, new ECDSASigner(ec)).build(),
            "false"));
    assertEquals(1, provider.keySetFetches());
  }

  @Test
  @Order(2)
  void rolesFromRealmAccess() throws Exception {
    assertEquals(403, list(rs256(token(), rsa).build(), "true"));
    assertEquals(200, list(rs256(token(Roles.ADMIN), rsa).build(), "true"));
  }

  @Test
  @Order(3)
  void wrongIssuerOrAudienceIsRefused() throws Exception {
    assertEquals(
        401, list(rs256(token().issuer("https://other.example/realms/x"), rsa).build(), "false"));
    assertEquals(401, list(rs256(token().without("iss"), rsa).build(), "false"));
    assertEquals(401, list(rs256(token().audience("account"), rsa).build(), "false"));
    assertEquals(401, list(rs256(token().without("aud"), rsa).build(), "false"));
    // No static secret is configured: HS256 has no key at all.
    assertEquals(
        401,
        list(
            TestTokens.member(PROJECT).issuer(provider.issuer()).audience(AUDIENCE).build(),
            "false"));
  }

  /**
   * Requests from 4 clients at once, each token naming a new made-up key id: the catalog answers
   * each with 401 and fetches the key set at most twice per 10 s. Prints the count. 2,000 requests
   * by default (about 7 s); {@code -Dkeyset.flood.requests=10000} for the figure of the docs.
   */
  @Test
  @Order(4)
  void floodOfUnknownKeyIdsIsRateLimited() throws Exception {
    String[] parts = rs256(token(), rsa).build().split("\\.");
    int before = provider.keySetFetches();
    int clients = 4;
    int requests = Integer.getInteger("keyset.flood.requests", 2_000) / clients * clients;
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<Integer>> refused =
          pool.invokeAll(
              Collections.nCopies(
                  clients,
                  () -> {
                    int count = 0;
                    for (int i = 0; i < requests / clients; i++) {
                      String header =
                          "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\""
                              + UUID.randomUUID()
                              + "\"}";
                      String forged =
                          Base64URL.encode(header.getBytes(StandardCharsets.UTF_8))
                              + "."
                              + parts[1]
                              + "."
                              + parts[2];
                      if (list(forged, "false") == 401) {
                        count++;
                      }
                    }
                    return count;
                  }));
      int total = 0;
      for (Future<Integer> each : refused) {
        total += each.get();
      }
      assertEquals(requests, total);
    } finally {
      pool.shutdownNow();
    }
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
    int fetches = provider.keySetFetches() - before;
    System.out.printf(
        "kid flood over HTTP: %d requests with unknown kids in %d ms -> %d key set fetches%n",
        requests, elapsedMillis, fetches);
    // The limiter's windows do not start with the flood: a flood shorter than one window can
    // straddle two of them, each allowing its fetches.
    long intervals = elapsedMillis / KeySetPolicy.DEFAULT.minRefreshInterval().toMillis() + 2;
    assertTrue(fetches <= 2 * intervals, fetches + " fetches in " + elapsedMillis + " ms");
    // Valid tokens were never in doubt.
    assertEquals(200, list(rs256(token(), rsa).build(), "false"));
  }

  @Test
  @Order(5)
  void rotationAndOutage() throws Exception {
    RSAKey next = new RSAKeyGenerator(2048).keyID("rsa-2").algorithm(JWSAlgorithm.RS256).generate();
    provider.serve(next, ec);
    // The flood may just have used up the refreshes of this interval: wait for the next one.
    long deadline = System.nanoTime() + 2 * KeySetPolicy.DEFAULT.minRefreshInterval().toNanos();
    int status;
    do {
      status = list(rs256(token(), next).build(), "false");
      if (status == 200) {
        break;
      }
      Thread.sleep(250);
    } while (System.nanoTime() < deadline);
    assertEquals(200, status, "the rotated key was not picked up");
    provider.stop();
    // Keys fetched before keep working while the provider is unreachable.
    assertEquals(200, list(rs256(token(), next).build(), "false"));
    assertEquals(401, list(rs256(token(), rsa).build(), "false"));
  }
}
