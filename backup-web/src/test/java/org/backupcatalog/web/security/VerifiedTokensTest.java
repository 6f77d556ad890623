package org.backupcatalog.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cache of verified tokens changes no answer: a cached token is refused as soon as, and with
 * the same error as, a verifier without a cache refuses it (its time passed, its key left the key
 * set or was replaced), each token keeps its own caller and roles, refusals are not kept, and the
 * cache holds no more than its size.
 */
class VerifiedTokensTest {

  private static final String PROJECT = "project-a";
  private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

  /** The key set lives 1.5 s in Nimbus's cache, so that a refetch can be waited for. */
  private static final KeySetPolicy QUICK = KeySetVerifierTest.QUICK;

  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable each : opened) {
      each.close();
    }
  }

  /** A clock a test moves by hand. */
  private static final class ManualClock extends Clock {
    private Instant now = T0;

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private TokenVerifier hs256(int cacheSize, Clock clock) {
    TokenVerifier verifier =
        new TokenVerifier(
            VerificationKeys.of(TestTokens.secretBytes(), null),
            TokenRules.of(TokenVerifier.DEFAULT_PROJECT_CLAIM, TokenVerifier.DEFAULT_ROLES_CLAIM),
            cacheSize,
            clock);
    opened.add(verifier);
    return verifier;
  }

  private static String refusal(TokenVerifier verifier, String token) {
    return assertThrows(InvalidTokenException.class, () -> verifier.verify(token)).getMessage();
  }

  @Test
  void tokenThatExpiresWhileCachedIsRefusedWithTheSameErrorAsWithoutCache() throws Exception {
    ManualClock clock = new ManualClock();
    TokenVerifier cached = hs256(100, clock);
    TokenVerifier uncached = hs256(0, clock);
    Instant exp = T0.plusSeconds(600);
    String token = TestTokens.member(PROJECT).issuedAt(T0).expiresAt(exp).build();

    cached.verify(token);
    assertEquals(1, cached.cachedTokens());
    // Within the tolerated clock skew after exp: still accepted, from the cache.
    clock.set(exp.plusSeconds(TokenVerifier.MAX_CLOCK_SKEW_SECONDS - 1));
    assertEquals(uncached.verify(token), cached.verify(token));
    // Past it: refused, exactly as the full check refuses it.
    clock.set(exp.plusSeconds(TokenVerifier.MAX_CLOCK_SKEW_SECONDS + 1));
    String expected = refusal(uncached, token);
    assertEquals("Expired JWT", expected);
    assertEquals(expected, refusal(cached, token));
    assertEquals(0, uncached.cachedTokens());
  }

  @Test
  void notBeforeIsCheckedAgainstTheClockOnEveryUse() throws Exception {
    ManualClock clock = new ManualClock();
    TokenVerifier cached = hs256(100, clock);
    TokenVerifier uncached = hs256(0, clock);
    Instant nbf = T0.plusSeconds(300);
    String token =
        TestTokens.member(PROJECT)
            .issuedAt(T0)
            .notBefore(nbf)
            .expiresAt(T0.plusSeconds(3600))
            .build();

    clock.set(nbf);
    cached.verify(token);
    // A clock set back (an NTP correction) makes the token not yet valid again.
    clock.set(nbf.minusSeconds(TokenVerifier.MAX_CLOCK_SKEW_SECONDS + 1));
    String expected = refusal(uncached, token);
    assertEquals("JWT before use time", expected);
    assertEquals(expected, refusal(cached, token));
    clock.set(nbf);
    cached.verify(token);
  }

  @Test
  void tokensOfTheSameSubjectKeepTheirOwnClaims() throws Exception {
    TokenVerifier verifier = hs256(100, Clock.systemUTC());
    String member = TestTokens.member(PROJECT).subject("alice").build();
    String admin = TestTokens.admin(PROJECT).subject("alice").build();
    String elsewhere = TestTokens.member("project-b").subject("alice").build();

    for (int round = 0; round < 2; round++) {
      assertEquals(Set.of(), verifier.verify(member).roles());
      assertEquals(Set.of(Roles.ADMIN), verifier.verify(admin).roles());
      assertEquals("project-b", verifier.verify(elsewhere).caller().projectId().value());
      assertEquals("alice", verifier.verify(elsewhere).caller().getName());
      assertEquals(PROJECT, verifier.verify(member).caller().projectId().value());
    }
    assertEquals(3, verifier.cachedTokens());
  }

  @Test
  void refusalsAreNotKept() throws Exception {
    TokenVerifier verifier = hs256(100, Clock.systemUTC());
    String forged =
        TestTokens.member(PROJECT)
            .hs256("another-secret-another-secret-0123456789".getBytes(StandardCharsets.UTF_8))
            .build();
    String noProject = TestTokens.member(PROJECT).without("project_id").build();
    for (int round = 0; round < 2; round++) {
      assertEquals("Signed JWT rejected: Invalid signature", refusal(verifier, forged));
      assertEquals("claim project_id is missing", refusal(verifier, noProject));
    }
    assertEquals(0, verifier.cachedTokens());
  }

  @Test
  void theCacheHoldsNoMoreThanItsSize() throws Exception {
    TokenVerifier verifier = hs256(5, Clock.systemUTC());
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      tokens.add(TestTokens.member(PROJECT).subject("caller-" + i).build());
    }
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < tokens.size(); i++) {
        assertEquals("caller-" + i, verifier.verify(tokens.get(i)).caller().getName());
      }
    }
    assertEquals(5, verifier.cachedTokens());
  }

  @Test
  void sizeZeroKeepsNothing() throws Exception {
    TokenVerifier verifier = hs256(0, Clock.systemUTC());
    verifier.verify(TestTokens.member(PROJECT).build());
    assertEquals(0, verifier.cachedTokens());
    assertThrows(IllegalArgumentException.class, () -> new VerifiedTokens(-1));
  }

  private static RSAKey rsa(String kid) throws JOSEException {
    return new RSAKeyGenerator(2048)
        .keyID(kid)
        .algorithm(JWSAlgorithm.RS256)
        .keyUse(KeyUse.SIGNATURE)
        .generate();
  }

  private static String signedBy(RSAKey key) throws JOSEException {
    return TestTokens.member(PROJECT)
        .keyId(key.getKeyID())
        .signedBy(JWSAlgorithm.RS256, new RSASSASigner(key))
        .build();
  }

  private TokenVerifier keySet(KeySetServer provider, KeySetPolicy policy) {
    TokenVerifier verifier =
        TokenConfiguration.verifierFor(
            new SecuritySettings(
                Optional.empty(),
                Optional.empty(),
                Optional.of(provider.keySetUrl()),
                Optional.empty(),
                Optional.empty(),
                TokenVerifier.DEFAULT_PROJECT_CLAIM,
                TokenVerifier.DEFAULT_ROLES_CLAIM,
                false),
            policy,
            100);
    opened.add(verifier);
    return verifier;
  }

  private KeySetServer provider(RSAKey... keys) throws Exception {
    KeySetServer provider = new KeySetServer(keys);
    opened.add(provider::close);
    return provider;
  }

  @Test
  void keyRemovedFromTheKeySetStopsItsCachedTokensWhenTheSetIsFetchedAgain() throws Exception {
    RSAKey old = rsa("rsa-1");
    RSAKey next = rsa("rsa-2");
    KeySetServer provider = provider(old, next);
    TokenVerifier verifier = keySet(provider, QUICK);
    String token = signedBy(old);
    verifier.verify(token);
    verifier.verify(token);
    assertEquals(1, verifier.cachedTokens());
    assertEquals(1, provider.keySetFetches());

    provider.serve(next);
    // Until the set is fetched again the old key is still the catalog's, as without a cache.
    verifier.verify(token);
    Thread.sleep(QUICK.cacheTimeToLive().toMillis() + 500);
    assertEquals(
        "Signed JWT rejected: Another algorithm expected, or no matching key(s) found",
        refusal(verifier, token));
    verifier.verify(signedBy(next));
  }

  @Test
  void keyRemovedByARotationStopsItsCachedTokensAtOnce() throws Exception {
    RSAKey old = rsa("rsa-1");
    KeySetServer provider = provider(old);
    TokenVerifier verifier = keySet(provider, KeySetPolicy.DEFAULT);
    String token = signedBy(old);
    verifier.verify(token);

    RSAKey next = rsa("rsa-2");
    provider.serve(next);
    // A token of the new key makes the catalog fetch the set: the old key is gone from then on,
    // for the cached token as for one never seen (refused alike: the key set's rate limit, which
    // the old key id's lookup meets, decides the message of both).
    verifier.verify(signedBy(next));
    String neverSeen =
        refusal(
            verifier,
            TestTokens.member(PROJECT)
                .subject("never-seen")
                .keyId(old.getKeyID())
                .signedBy(JWSAlgorithm.RS256, new RSASSASigner(old))
                .build());
    assertEquals(neverSeen, refusal(verifier, token));
    assertEquals(1, verifier.cachedTokens(), "the new key's token; the old one's is not renewed");
  }

  @Test
  void keyReplacedUnderTheSameKeyIdStopsItsCachedTokens() throws Exception {
    RSAKey old = rsa("rsa-1");
    KeySetServer provider = provider(old);
    TokenVerifier verifier = keySet(provider, QUICK);
    String token = signedBy(old);
    verifier.verify(token);

    provider.serve(rsa("rsa-1"));
    Thread.sleep(QUICK.cacheTimeToLive().toMillis() + 500);
    assertEquals("Signed JWT rejected: Invalid signature", refusal(verifier, token));
  }

  @Test
  void theSameKeysFetchedAgainKeepServingCachedTokens() throws Exception {
    RSAKey key = rsa("rsa-1");
    KeySetServer provider = provider(key);
    TokenVerifier verifier = keySet(provider, QUICK);
    String token = signedBy(key);
    verifier.verify(token);
    Thread.sleep(QUICK.cacheTimeToLive().toMillis() + 500);
    assertEquals(PROJECT, verifier.verify(token).caller().projectId().value());
    assertEquals(1, verifier.cachedTokens());
  }
}
