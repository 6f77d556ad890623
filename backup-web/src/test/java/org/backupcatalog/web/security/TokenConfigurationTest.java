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
}
