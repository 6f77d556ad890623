package org.backupcatalog.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens checked with an identity provider's key set (JWKS) served by {@link KeySetServer} on
 * 127.0.0.1: each algorithm, each refusal, rotation, outages and a flood of made-up key ids, with
 * the provider's fetches counted.
 */
class KeySetVerifierTest {

  private static final String PROJECT = "project-a";
  private static final String AUDIENCE = "backup-catalog";

  /**
   * Short times, so that expiry and rate limits can be crossed within a test: the cache lives 1.5
   * s, forced refreshes are 0.5 s apart.
   */
  static final KeySetPolicy QUICK =
      new KeySetPolicy(
          Duration.ofMillis(1500),
          Duration.ofMillis(500),
          Duration.ofMillis(200),
          Duration.ofMillis(500),
          Duration.ofHours(1),
          Duration.ofMillis(500),
          Duration.ofSeconds(2));

  private static RSAKey rs256;
  private static RSAKey ps256;
  private static ECKey es256;
  private static RSAKey attacker;

  private KeySetServer provider;
  private TokenVerifier verifier;

  @BeforeAll
  static void keys() throws JOSEException {
    rs256 = rsa("rsa-1", JWSAlgorithm.RS256);
    ps256 = rsa("rsa-pss-1", JWSAlgorithm.PS256);
    es256 =
        new ECKeyGenerator(Curve.P_256)
            .keyID("ec-1")
            .algorithm(JWSAlgorithm.ES256)
            .keyUse(KeyUse.SIGNATURE)
            .generate();
    attacker = rsa("rsa-1", JWSAlgorithm.RS256);
  }

  private static RSAKey rsa(String kid, JWSAlgorithm algorithm) throws JOSEException {
    return new RSAKeyGenerator(2048)
        .keyID(kid)
        .algorithm(algorithm)
        .keyUse(KeyUse.SIGNATURE)
        .generate();
  }

  @BeforeEach
  void provider() throws Exception {
    provider = new KeySetServer(rs256, ps256, es256);
  }

  @AfterEach
  void close() {
    if (verifier != null) {
      verifier.close();
    }
    provider.close();
  }

  private TokenVerifier keySet(KeySetPolicy policy) {
    return keySet(policy, Optional.empty(), Optional.empty());
  }

  private TokenVerifier keySet(
      KeySetPolicy policy, Optional<String> issuer, Optional<String> audience) {
    verifier =
        TokenConfiguration.verifierFor(
            new SecuritySettings(
                Optional.empty(),
                Optional.empty(),
                Optional.of(provider.keySetUrl()),
                issuer,
                audience,
                TokenVerifier.DEFAULT_PROJECT_CLAIM,
                TokenVerifier.DEFAULT_ROLES_CLAIM,
                false),
            policy);
    return verifier;
  }

  private static TestTokens.Builder signed(RSAKey key) throws JOSEException {
    return TestTokens.member(PROJECT)
        .keyId(key.getKeyID())
        .signedBy((JWSAlgorithm) key.getAlgorithm(), new RSASSASigner(key));
  }

  private static TestTokens.Builder signed(ECKey key) throws JOSEException {
    return TestTokens.member(PROJECT)
        .keyId(key.getKeyID())
        .signedBy(JWSAlgorithm.ES256, new ECDSASigner(key));
  }

  private static void refused(TokenVerifier verifier, String token) {
    assertThrows(InvalidTokenException.class, () -> verifier.verify(token));
  }

  @Test
  void rs256Ps256AndEs256FromTheKeySet() throws Exception {
    TokenVerifier verifier = keySet(QUICK);
    assertEquals(PROJECT, verifier.verify(signed(rs256).build()).caller().projectId().value());
    assertEquals(PROJECT, verifier.verify(signed(ps256).build()).caller().projectId().value());
    assertEquals(PROJECT, verifier.verify(signed(es256).build()).caller().projectId().value());
    assertEquals(1, provider.keySetFetches(), "one fetch serves every key of the set");
  }

  @Test
  void tokenWithoutKeyIdIsTriedAgainstTheKeysOfItsAlgorithm() throws Exception {
    TokenVerifier verifier = keySet(QUICK);
    verifier.verify(signed(rs256).keyId(null).build());
  }

  @Test
  void unknownKeyIdIsRefusedAfterOneRefresh() throws Exception {
    TokenVerifier verifier = keySet(QUICK);
    verifier.verify(signed(rs256).build());
    refused(verifier, signed(rs256).keyId("no-such-key").build());
    assertEquals(2, provider.keySetFetches(), "the unknown kid made the catalog look once more");
  }

  @Test
  void knownKeyIdWithAnotherKeysSignatureIsRefused() throws Exception {
    refused(keySet(QUICK), signed(attacker).build());
  }

  @Test
  void algorithmThatDoesNotFitTheKeyIsRefused() throws Exception {
    TokenVerifier verifier = keySet(QUICK);
    // The RS256 key declares alg RS256: a PS256 signature made with it does not count.
    refused(
        verifier,
        TestTokens.member(PROJECT)
            .keyId(rs256.getKeyID())
            .signedBy(JWSAlgorithm.PS256, new RSASSASigner(rs256))
            .build());
    // An ES256 header naming the RSA key, and an RSA header naming the EC key.
    refused(
        verifier,
        TestTokens.member(PROJECT)
            .keyId(rs256.getKeyID())
            .signedBy(JWSAlgorithm.ES256, new ECDSASigner(es256))
            .build());
    refused(
        verifier,
        TestTokens.member(PROJECT)
            .keyId(es256.getKeyID())
            .signedBy(JWSAlgorithm.RS256, new RSASSASigner(rs256))
            .build());
    // The classic confusion: the public RSA key, known to all, as an HMAC secret.
    refused(
        verifier,
        TestTokens.member(PROJECT)
            .keyId(rs256.getKeyID())
            .signedBy(
                JWSAlgorithm.HS256,
                new MACSigner(rs256.toPublicJWK().toRSAPublicKey().getEncoded()))
            .build());
    // Algorithms no key set key may use, even with a matching key type.
    refused(
        verifier,
        TestTokens.member(PROJECT)
            .keyId(rs256.getKeyID())
            .signedBy(JWSAlgorithm.RS512, new RSASSASigner(rs256))
            .build());
  }

  @Test
  void ecKeyOnAnotherCurveDoesNotServeEs256() throws Exception {
    ECKey p384 =
        new ECKeyGenerator(Curve.P_384).keyID("ec-384").keyUse(KeyUse.SIGNATURE).generate();
    provider.serve(rs256, p384);
    TokenVerifier verifier = keySet(QUICK);
    // ES256 names P-256: a P-384 key, which declares no alg, is not one to check it with.
    refused(
        verifier,
        TestTokens.member(PROJECT)
            .keyId("ec-384")
            .signedBy(JWSAlgorithm.ES256, new ECDSASigner(es256))
            .build());
    // ES384 itself is no algorithm of a key set.
    refused(
        verifier,
        TestTokens.member(PROJECT)
            .keyId("ec-384")
            .signedBy(JWSAlgorithm.ES384, new ECDSASigner(p384))
            .build());
  }

  @Test
  void weakRsaKeyOfTheKeySetIsNotUsed() throws Exception {
    RSAKey weak =
        new RSAKeyGenerator(1024, true)
            .keyID("weak")
            .algorithm(JWSAlgorithm.RS256)
            .keyUse(KeyUse.SIGNATURE)
            .generate();
    provider.serve(weak, rs256);
    TokenVerifier verifier = keySet(QUICK);
    refused(
        verifier,
        TestTokens.member(PROJECT)
            .keyId("weak")
            .signedBy(JWSAlgorithm.RS256, new RSASSASigner(weak.toPrivateKey(), true))
            .build());
    verifier.verify(signed(rs256).build());
  }

  @Test
  void keyWithoutAlgServesTheAlgorithmsOfItsType() throws Exception {
    RSAKey plain = new RSAKeyGenerator(2048).keyID("plain").keyUse(KeyUse.SIGNATURE).generate();
    provider.serve(plain);
    TokenVerifier verifier = keySet(QUICK);
    verifier.verify(
        TestTokens.member(PROJECT)
            .keyId("plain")
            .signedBy(JWSAlgorithm.RS256, new RSASSASigner(plain))
            .build());
    refused(
        verifier,
        TestTokens.member(PROJECT)
            .keyId("plain")
            .signedBy(JWSAlgorithm.ES256, new ECDSASigner(es256))
            .build());
  }

  @Test
  void encryptionKeysDoNotVerifySignatures() throws Exception {
    RSAKey encryption = new RSAKeyGenerator(2048).keyID("enc").keyUse(KeyUse.ENCRYPTION).generate();
    provider.serve(encryption);
    refused(
        keySet(QUICK),
        TestTokens.member(PROJECT)
            .keyId("enc")
            .signedBy(JWSAlgorithm.RS256, new RSASSASigner(encryption))
            .build());
  }

  @Test
  void issuerMustMatchExactlyWhenConfigured() throws Exception {
    String issuer = provider.issuer();
    TokenVerifier verifier = keySet(QUICK, Optional.of(issuer), Optional.empty());
    verifier.verify(signed(rs256).issuer(issuer).build());
    refused(verifier, signed(rs256).issuer(issuer + "-other").build());
    refused(verifier, signed(rs256).issuer(issuer + "/").build());
    refused(verifier, signed(rs256).build());
  }

  @Test
  void audienceMustBeNamedWhenConfigured() throws Exception {
    TokenVerifier verifier = keySet(QUICK, Optional.empty(), Optional.of(AUDIENCE));
    verifier.verify(signed(rs256).audience(AUDIENCE).build());
    verifier.verify(signed(rs256).audience("account", AUDIENCE).build());
    refused(verifier, signed(rs256).audience("account").build());
    refused(verifier, signed(rs256).audience("other-app", "account").build());
    refused(verifier, signed(rs256).build());
  }

  @Test
  void expiredTokenIsRefused() throws Exception {
    TokenVerifier verifier = keySet(QUICK);
    refused(verifier, signed(rs256).expiresAt(Instant.now().minusSeconds(120)).build());
    refused(verifier, signed(rs256).without("exp").build());
  }

  @Test
  void rotationIsPickedUpWithoutARestart() throws Exception {
    TokenVerifier verifier = keySet(KeySetPolicy.DEFAULT);
    verifier.verify(signed(rs256).build());
    RSAKey next = rsa("rsa-2", JWSAlgorithm.RS256);
    provider.serve(next, es256);
    verifier.verify(signed(next).build());
    // The old key left the set, and the set in the cache is the new one.
    refused(verifier, signed(rs256).build());
    assertTrue(provider.keySetFetches() <= 3, "fetches: " + provider.keySetFetches());
  }

  @Test
  void providerDownWithCachedKeysStillAcceptsTheirTokens() throws Exception {
    TokenVerifier verifier = keySet(QUICK);
    verifier.verify(signed(rs256).build());
    provider.stop();
    // Past the cache's lifetime: the refresh fails, the keys fetched before serve on.
    Thread.sleep(QUICK.cacheTimeToLive().toMillis() + 500);
    verifier.verify(signed(rs256).build());
    verifier.verify(signed(es256).build());
    refused(verifier, signed(rs256).keyId("unknown-while-down").build());
  }

  @Test
  void providerAnswering503WithCachedKeysStillAcceptsTheirTokens() throws Exception {
    TokenVerifier verifier = keySet(QUICK);
    verifier.verify(signed(rs256).build());
    provider.failing(true);
    Thread.sleep(QUICK.cacheTimeToLive().toMillis() + 500);
    verifier.verify(signed(rs256).build());
    assertTrue(provider.keySetFetches() >= 2, "the catalog did try the provider again");
  }

  @Test
  void providerDownWithoutCachedKeysRefusesUntilItIsBack() throws Exception {
    provider.stop();
    TokenVerifier verifier = keySet(QUICK);
    refused(verifier, signed(rs256).build());
    provider.restart();
    // The next attempt may wait for the rate limit's interval.
    Thread.sleep(QUICK.minRefreshInterval().toMillis() + 100);
    verifier.verify(signed(rs256).build());
  }

  @Test
  void keysComeThroughTheIssuersDiscoveryDocument() throws Exception {
    String issuer = provider.issuer();
    verifier =
        TokenConfiguration.verifierFor(
            new SecuritySettings(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(issuer),
                Optional.of(AUDIENCE),
                TokenVerifier.DEFAULT_PROJECT_CLAIM,
                TokenVerifier.DEFAULT_ROLES_CLAIM,
                false),
            QUICK);
    assertEquals(0, provider.discoveryFetches(), "nothing is fetched before the first token");
    verifier.verify(signed(es256).issuer(issuer).audience(AUDIENCE).build());
    verifier.verify(signed(rs256).issuer(issuer).audience(AUDIENCE).build());
    assertEquals(1, provider.discoveryFetches());
    assertEquals(1, provider.keySetFetches());
  }

  @Test
  void discoveryDocumentOfAnotherIssuerGivesNoKeys() throws Exception {
    String issuer = provider.issuer();
    provider.announce("https://impostor.example/realms/test", null);
    verifier = discovering(issuer);
    refused(verifier, signed(rs256).issuer(issuer).build());
    assertEquals(0, provider.keySetFetches());
  }

  @Test
  void discoveryDocumentPointingAtPlainHttpElsewhereGivesNoKeys() throws Exception {
    String issuer = provider.issuer();
    provider.announce(issuer, "http://keys.example/jwks");
    verifier = discovering(issuer);
    refused(verifier, signed(rs256).issuer(issuer).build());
  }

  private TokenVerifier discovering(String issuer) {
    return TokenConfiguration.verifierFor(
        new SecuritySettings(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(issuer),
            Optional.empty(),
            TokenVerifier.DEFAULT_PROJECT_CLAIM,
            TokenVerifier.DEFAULT_ROLES_CLAIM,
            false),
        QUICK);
  }

  @Test
  void staticSecretAndKeySetTogether() throws Exception {
    verifier =
        TokenConfiguration.verifierFor(
            new SecuritySettings(
                Optional.of(TestTokens.SECRET),
                Optional.empty(),
                Optional.of(provider.keySetUrl()),
                Optional.empty(),
                Optional.empty(),
                TokenVerifier.DEFAULT_PROJECT_CLAIM,
                TokenVerifier.DEFAULT_ROLES_CLAIM,
                false),
            QUICK);
    verifier.verify(TestTokens.admin(PROJECT).build());
    verifier.verify(signed(ps256).build());
    // An HS256 token never reaches the key set: no fetch for it.
    refused(verifier, TestTokens.admin(PROJECT).hs256(new byte[40]).keyId("x").build());
    assertEquals(1, provider.keySetFetches());
  }

  @Test
  void keycloakShapedRolesAndProject() throws Exception {
    verifier =
        TokenConfiguration.verifierFor(
            new SecuritySettings(
                Optional.empty(),
                Optional.empty(),
                Optional.of(provider.keySetUrl()),
                Optional.empty(),
                Optional.empty(),
                "project_id",
                "realm_access.roles",
                false),
            QUICK);
    VerifiedToken verified =
        verifier.verify(
            signed(rs256)
                .without("roles")
                .claim("realm_access", Map.of("roles", List.of("admin", "offline_access")))
                .build());
    assertEquals(Set.of("admin", "offline_access"), verified.roles());
  }

  /**
   * 10,000 tokens, each naming a made-up key id (a new one every time), with a valid token after
   * every hundred: the provider sees at most two fetches per rate-limit interval (plus the first),
   * and the valid tokens keep working throughout. The count is printed for the notes.
   */
  @Test
  void floodOfUnknownKeyIdsIsRateLimited() throws Exception {
    TokenVerifier verifier = keySet(KeySetPolicy.DEFAULT);
    String valid = signed(rs256).build();
    verifier.verify(valid);
    // An attacker needs no key: a header with a fresh kid before any claims and signature.
    String[] parts = signed(attacker).build().split("\\.");
    int requests = 10_000;
    int refused = 0;
    long started = System.nanoTime();
    for (int i = 1; i <= requests; i++) {
      String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + UUID.randomUUID() + "\"}";
      String forged =
          Base64URL.encode(header.getBytes(StandardCharsets.UTF_8))
              + "."
              + parts[1]
              + "."
              + parts[2];
      try {
        verifier.verify(forged);
      } catch (InvalidTokenException expected) {
        refused++;
      }
      if (i % 100 == 0) {
        verifier.verify(valid);
      }
    }
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
    int fetches = provider.keySetFetches();
    long intervals = elapsedMillis / KeySetPolicy.DEFAULT.minRefreshInterval().toMillis() + 1;
    System.out.printf(
        "kid flood: %d tokens with unknown kids (+%d valid) in %d ms -> %d key set fetches"
            + " (rate limit: 2 per %s)%n",
        requests,
        requests / 100,
        elapsedMillis,
        fetches,
        KeySetPolicy.DEFAULT.minRefreshInterval());
    assertEquals(requests, refused);
    assertTrue(fetches <= 1 + 2 * intervals, fetches + " fetches in " + elapsedMillis + " ms");
  }
}
