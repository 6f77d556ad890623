package org.backupcatalog.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Optional;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenConfigurationTest {

  @TempDir Path directory;

  private static SecuritySettings settings(
      Optional<String> secret, Optional<String> keyFile, boolean demo) {
    return new SecuritySettings(secret, keyFile, "project_id", "roles", demo);
  }

  @Test
  void noKeyRefusesToStartAndSaysWhatToSet() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                TokenConfiguration.verifierFor(
                    settings(Optional.empty(), Optional.empty(), false)));
    assertTrue(e.getMessage().contains("BACKUP_AUTH_HS256_SECRET"), e.getMessage());
    assertTrue(e.getMessage().contains("BACKUP_AUTH_RS256_PUBLIC_KEY_FILE"), e.getMessage());
    assertTrue(e.getMessage().contains("BACKUP_DEMO_DATA"), e.getMessage());
  }

  @Test
  void shortSecretNamesTheSetting() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                TokenConfiguration.verifierFor(
                    settings(Optional.of("short"), Optional.empty(), true)));
    assertTrue(e.getMessage().startsWith(SecuritySettings.HS256_SECRET), e.getMessage());
  }

  @Test
  void unreadableKeyFileNamesTheSetting() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                TokenConfiguration.verifierFor(
                    settings(
                        Optional.empty(),
                        Optional.of(directory.resolve("missing.pem").toString()),
                        true)));
    assertTrue(e.getMessage().startsWith(SecuritySettings.RS256_PUBLIC_KEY_FILE), e.getMessage());
  }

  @Test
  void configuredSecretIsUsed() throws Exception {
    TokenVerifier verifier =
        TokenConfiguration.verifierFor(
            settings(Optional.of(TestTokens.SECRET), Optional.empty(), false));
    assertEquals("p", verifier.verify(TestTokens.of("p")).caller().projectId().value());
  }

  @Test
  void configuredKeyFileIsUsed() throws Exception {
    KeyPair pair = RsaKeys.generate(2048);
    Path pem = RsaKeys.writePem(directory, pair.getPublic());
    TokenVerifier verifier =
        TokenConfiguration.verifierFor(
            settings(Optional.empty(), Optional.of(pem.toString()), false));
    verifier.verify(TestTokens.member("p").rs256(pair.getPrivate()).build());
    assertThrows(InvalidTokenException.class, () -> verifier.verify(TestTokens.of("p")));
  }

  @Test
  void demoModeMakesItsOwnSecret() {
    TokenVerifier verifier =
        TokenConfiguration.verifierFor(settings(Optional.empty(), Optional.empty(), true));
    // Nobody knows the random secret, the test secret included.
    assertThrows(InvalidTokenException.class, () -> verifier.verify(TestTokens.of("p")));
  }

  @Test
  void demoModeKeepsAConfiguredSecret() throws Exception {
    TokenVerifier verifier =
        TokenConfiguration.verifierFor(
            settings(Optional.of(TestTokens.SECRET), Optional.empty(), true));
    verifier.verify(TestTokens.of("p"));
  }

  private static SecuritySettings withProvider(
      Optional<String> keyFile, Optional<String> jwksUrl, Optional<String> issuer) {
    return new SecuritySettings(
        Optional.empty(), keyFile, jwksUrl, issuer, Optional.empty(), "project_id", "roles", false);
  }

  private static IllegalStateException refusedToStart(SecuritySettings settings) {
    return assertThrows(
        IllegalStateException.class, () -> TokenConfiguration.verifierFor(settings));
  }

  @Test
  void keySetUrlMustBeHttpsOrLoopback() {
    IllegalStateException e =
        refusedToStart(
            withProvider(
                Optional.empty(), Optional.of("http://keycloak.example/certs"), Optional.empty()));
    assertTrue(e.getMessage().startsWith(SecuritySettings.JWKS_URL), e.getMessage());
    assertTrue(e.getMessage().contains("https"), e.getMessage());
    e = refusedToStart(withProvider(Optional.empty(), Optional.of("not a url"), Optional.empty()));
    assertTrue(e.getMessage().startsWith(SecuritySettings.JWKS_URL), e.getMessage());
  }

  @Test
  void issuerToDiscoverKeysFromMustBeHttpsOrLoopback() {
    IllegalStateException e =
        refusedToStart(
            withProvider(
                Optional.empty(),
                Optional.empty(),
                Optional.of("http://keycloak.example/realms/x")));
    assertTrue(e.getMessage().startsWith(SecuritySettings.ISSUER), e.getMessage());
  }

  @Test
  void keyFileAndKeySetExcludeEachOther() {
    KeyPair pair = RsaKeys.generate(2048);
    Path pem = RsaKeys.writePem(directory, pair.getPublic());
    IllegalStateException e =
        refusedToStart(
            withProvider(
                Optional.of(pem.toString()),
                Optional.of("https://keycloak.example/certs"),
                Optional.empty()));
    assertTrue(e.getMessage().contains(SecuritySettings.RS256_PUBLIC_KEY_FILE), e.getMessage());
    assertTrue(e.getMessage().contains(SecuritySettings.JWKS_URL), e.getMessage());
  }

  @Test
  void malformedClaimPathNamesTheSetting() {
    IllegalStateException e =
        refusedToStart(
            new SecuritySettings(
                Optional.of(TestTokens.SECRET),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "project_id",
                "realm_access..roles",
                false));
    assertTrue(e.getMessage().startsWith(SecuritySettings.ROLES_CLAIM), e.getMessage());
  }

  @Test
  void issuerBesideAStaticKeyIsCheckedAndFetchesNothing() throws Exception {
    // The issuer is unreachable (port 9 on loopback): with a static key nothing is fetched.
    String issuer = "http://127.0.0.1:9/realms/x";
    TokenVerifier verifier =
        TokenConfiguration.verifierFor(
            new SecuritySettings(
                Optional.of(TestTokens.SECRET),
                Optional.empty(),
                Optional.empty(),
                Optional.of(issuer),
                Optional.of("backup-catalog"),
                "project_id",
                "roles",
                false));
    verifier.verify(TestTokens.member("p").issuer(issuer).audience("backup-catalog").build());
    assertThrows(
        InvalidTokenException.class,
        () -> verifier.verify(TestTokens.member("p").audience("backup-catalog").build()));
    assertThrows(
        InvalidTokenException.class,
        () -> verifier.verify(TestTokens.member("p").issuer(issuer).build()));
  }

  @Test
  void aKeySetAloneIsEnoughToStart() {
    TokenConfiguration.verifierFor(
            withProvider(
                Optional.empty(),
                Optional.of("https://keycloak.example/realms/x/protocol/openid-connect/certs"),
                Optional.empty()))
        .close();
    TokenConfiguration.verifierFor(
            withProvider(
                Optional.empty(),
                Optional.empty(),
                Optional.of("https://keycloak.example/realms/x")))
        .close();
  }
}
