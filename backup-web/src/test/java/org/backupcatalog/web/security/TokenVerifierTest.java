package org.backupcatalog.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backupcatalog.domain.item.ProjectId;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenVerifierTest {

  private static final String PROJECT = "project-a";

  private static KeyPair rsa;
  private static KeyPair otherRsa;
  private static RSAPublicKey rsaFromPem;

  @TempDir static Path keys;

  @BeforeAll
  static void keys() {
    rsa = RsaKeys.generate(2048);
    otherRsa = RsaKeys.generate(2048);
    // The key goes the way an operator's does: through a PEM file.
    rsaFromPem = VerificationKeys.readRsaPublicKey(RsaKeys.writePem(keys, rsa.getPublic()));
  }

  private static TokenVerifier hs256Only() {
    return verifier(VerificationKeys.of(TestTokens.secretBytes(), null));
  }

  private static TokenVerifier rs256Only() {
    return verifier(VerificationKeys.of(null, rsaFromPem));
  }

  private static TokenVerifier both() {
    return verifier(VerificationKeys.of(TestTokens.secretBytes(), rsaFromPem));
  }

  private static TokenVerifier verifier(VerificationKeys keys) {
    return new TokenVerifier(
        keys, TokenVerifier.DEFAULT_PROJECT_CLAIM, TokenVerifier.DEFAULT_ROLES_CLAIM);
  }

  private static void refused(TokenVerifier verifier, String token) {
    assertThrows(InvalidTokenException.class, () -> verifier.verify(token));
  }

  @Test
  void validHs256TokenGivesCallerAndRoles() throws Exception {
    VerifiedToken verified =
        hs256Only().verify(TestTokens.member(PROJECT).subject("alice").roles("admin", "x").build());
    assertEquals(new Caller("alice", new ProjectId(PROJECT)), verified.caller());
    assertEquals("alice", verified.caller().getName());
    assertEquals(PROJECT, verified.caller().projectId().value());
    assertEquals(Set.of("admin", "x"), verified.roles());
  }

  @Test
  void validRs256TokenFromPemKey() throws Exception {
    VerifiedToken verified =
        rs256Only().verify(TestTokens.engine(PROJECT).rs256(rsa.getPrivate()).build());
    assertEquals(Set.of(Roles.BACKUP_ENGINE), verified.roles());
    assertEquals(PROJECT, verified.caller().projectId().value());
  }

  @Test
  void bothAlgorithmsWhenBothKeysAreConfigured() throws Exception {
    TokenVerifier verifier = both();
    assertEquals(
        PROJECT, verifier.verify(TestTokens.member(PROJECT).build()).caller().projectId().value());
    assertEquals(
        PROJECT,
        verifier
            .verify(TestTokens.member(PROJECT).rs256(rsa.getPrivate()).build())
            .caller()
            .projectId()
            .value());
  }

  @Test
  void rs256FromCertificatePem(@TempDir Path directory) throws Exception {
    RsaKeys.Issuer issuer = RsaKeys.issuerWithCertificate(directory);
    TokenVerifier verifier =
        verifier(
            VerificationKeys.of(null, VerificationKeys.readRsaPublicKey(issuer.certificatePem())));
    assertEquals(
        PROJECT,
        verifier
            .verify(TestTokens.member(PROJECT).rs256(issuer.privateKey()).build())
            .caller()
            .projectId()
            .value());
  }

  @Test
  void keyIdAndAccessTokenTypeAreAccepted() throws Exception {
    // Keycloak sends a kid and may type its tokens at+jwt (RFC 9068).
    both().verify(TestTokens.member(PROJECT).rs256(rsa.getPrivate()).keyId("k-1").build());
    both().verify(TestTokens.member(PROJECT).keyId("k-2").type("at+jwt").build());
    both().verify(TestTokens.member(PROJECT).type("JWT").build());
  }

  @Test
  void foreignTokenTypeIsRefused() {
    refused(both(), TestTokens.member(PROJECT).type("secevent+jwt").build());
  }

  @Test
  void algNoneIsRefused() {
    refused(both(), TestTokens.admin(PROJECT).unsecured().build());
  }

  @Test
  void algNoneWithAnAddedSignatureIsRefused() {
    String none = TestTokens.admin(PROJECT).unsecured().build();
    String signed = TestTokens.admin(PROJECT).build();
    refused(both(), none + signed.substring(signed.lastIndexOf('.') + 1));
  }

  @Test
  void signedTokenWithoutItsSignatureIsRefused() {
    refused(both(), TestTokens.admin(PROJECT).stripSignature().build());
  }

  @Test
  void expiredTokenIsRefused() {
    refused(
        hs256Only(), TestTokens.member(PROJECT).expiresAt(Instant.now().minusSeconds(120)).build());
  }

  @Test
  void expiryWithinTheClockSkewIsTolerated() throws Exception {
    hs256Only()
        .verify(TestTokens.member(PROJECT).expiresAt(Instant.now().minusSeconds(30)).build());
  }

  @Test
  void notBeforeInTheFutureBeyondTheSkewIsRefused() {
    refused(
        hs256Only(), TestTokens.member(PROJECT).notBefore(Instant.now().plusSeconds(120)).build());
  }

  @Test
  void notBeforeWithinTheSkewIsAccepted() throws Exception {
    hs256Only().verify(TestTokens.member(PROJECT).notBefore(Instant.now().plusSeconds(30)).build());
    hs256Only()
        .verify(TestTokens.member(PROJECT).notBefore(Instant.now().minusSeconds(30)).build());
  }

  @Test
  void wrongSignatureIsRefused() {
    byte[] other = "another-secret-of-more-than-32-bytes!!".getBytes(StandardCharsets.UTF_8);
    refused(hs256Only(), TestTokens.member(PROJECT).hs256(other).build());
  }

  @Test
  void tamperedClaimsAreRefused() {
    String token = TestTokens.member(PROJECT).build();
    String[] parts = token.split("\\.");
    String admin = TestTokens.admin(PROJECT).build().split("\\.")[1];
    refused(hs256Only(), parts[0] + "." + admin + "." + parts[2]);
  }

  @Test
  void rs256WithTheWrongKeyIsRefused() {
    refused(rs256Only(), TestTokens.member(PROJECT).rs256(otherRsa.getPrivate()).build());
  }

  @Test
  void hs256TokenWhenOnlyRs256IsConfiguredIsRefused() {
    refused(rs256Only(), TestTokens.member(PROJECT).build());
  }

  @Test
  void hs256SignedWithThePublicKeyIsRefused() {
    // The classic algorithm confusion: the public key, known to all, used as an HMAC secret.
    refused(rs256Only(), TestTokens.admin(PROJECT).hs256(rsa.getPublic().getEncoded()).build());
    refused(both(), TestTokens.admin(PROJECT).hs256(rsa.getPublic().getEncoded()).build());
  }

  @Test
  void rs256TokenWhenOnlyHs256IsConfiguredIsRefused() {
    refused(hs256Only(), TestTokens.member(PROJECT).rs256(rsa.getPrivate()).build());
  }

  @Test
  void otherHmacAlgorithmsAreRefused() {
    byte[] secret = "h".repeat(64).getBytes(StandardCharsets.UTF_8);
    TokenVerifier verifier = verifier(VerificationKeys.of(secret, null));
    refused(verifier, TestTokens.member(PROJECT).hmac(JWSAlgorithm.HS512, secret).build());
    refused(verifier, TestTokens.member(PROJECT).hmac(JWSAlgorithm.HS384, secret).build());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "abc",
        "a.b.c",
        "a.b",
        "....",
        "eyJhbGciOiJIUzI1NiJ9.not-base64!.x",
        "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOiJ0b21vcnJvdyJ9.c2ln",
        "eyJhbGciOiJIUzI1NiJ9.W10.c2ln",
        "bnVsbA.bnVsbA.bnVsbA"
      })
  void malformedTokensAreRefused(String token) {
    refused(both(), token);
  }

  @Test
  void missingExpIsRefused() {
    refused(hs256Only(), TestTokens.member(PROJECT).without("exp").build());
  }

  @Test
  void missingProjectClaimIsRefused() {
    refused(hs256Only(), TestTokens.member(PROJECT).without("project_id").build());
  }

  @Test
  void projectClaimThatIsNotAStringIsRefused() {
    refused(hs256Only(), TestTokens.member(PROJECT).claim("project_id", 42).build());
    refused(hs256Only(), TestTokens.member(PROJECT).claim("project_id", List.of(PROJECT)).build());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "has space",
        "slash/y",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
      })
  void projectClaimThatIsNoProjectIdIsRefused(String project) {
    refused(hs256Only(), TestTokens.member(PROJECT).project(project).build());
  }

  @Test
  void rolesNotAnArrayAreRefused() {
    refused(hs256Only(), TestTokens.member(PROJECT).claim("roles", "admin").build());
    refused(hs256Only(), TestTokens.member(PROJECT).claim("roles", Map.of("admin", true)).build());
    refused(hs256Only(), TestTokens.member(PROJECT).claim("roles", true).build());
  }

  @Test
  void rolesWithANonStringAreRefused() {
    refused(hs256Only(), TestTokens.member(PROJECT).claim("roles", List.of("admin", 1)).build());
  }

  @Test
  void missingOrEmptyRolesMeanNoRoles() throws Exception {
    assertEquals(
        Set.of(), hs256Only().verify(TestTokens.member(PROJECT).without("roles").build()).roles());
    assertEquals(Set.of(), hs256Only().verify(TestTokens.member(PROJECT).roles().build()).roles());
  }

  @Test
  void roleNamesAreTakenExactly() throws Exception {
    assertEquals(
        Set.of("Admin", "admin "),
        hs256Only().verify(TestTokens.member(PROJECT).roles("Admin", "admin ").build()).roles());
  }

  @Test
  void missingSubjectStillAuthenticates() throws Exception {
    assertEquals(
        "unknown",
        hs256Only().verify(TestTokens.member(PROJECT).without("sub").build()).caller().getName());
  }

  @Test
  void claimNamesAreConfigurable() throws Exception {
    TokenVerifier verifier =
        new TokenVerifier(VerificationKeys.of(TestTokens.secretBytes(), null), "tenant", "groups");
    VerifiedToken verified =
        verifier.verify(
            TestTokens.member("ignored")
                .without("project_id")
                .without("roles")
                .claim("tenant", PROJECT)
                .claim("groups", List.of(Roles.ADMIN))
                .build());
    assertEquals(PROJECT, verified.caller().projectId().value());
    assertEquals(Set.of(Roles.ADMIN), verified.roles());
    refused(verifier, TestTokens.member(PROJECT).build());
  }

  @Test
  void longLivedTokensAreFine() throws Exception {
    hs256Only().verify(TestTokens.member(PROJECT).expiresIn(Duration.ofDays(3650)).build());
  }
}
