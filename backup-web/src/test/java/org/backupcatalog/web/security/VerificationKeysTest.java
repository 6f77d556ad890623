package org.backupcatalog.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerificationKeysTest {

  @TempDir Path directory;

  @Test
  void secretOfAtLeast32Bytes() {
    assertEquals(32, VerificationKeys.secretOf("x".repeat(32)).length);
    assertThrows(IllegalArgumentException.class, () -> VerificationKeys.secretOf("x".repeat(31)));
    // Bytes, not characters: 16 two-byte characters are 32 bytes.
    assertEquals(32, VerificationKeys.secretOf("ä".repeat(16)).length);
  }

  @Test
  void atLeastOneKey() {
    assertThrows(IllegalArgumentException.class, () -> VerificationKeys.of(null, null));
  }

  @Test
  void onlyTheAlgorithmsOfConfiguredKeys() {
    byte[] secret = "s".repeat(32).getBytes(StandardCharsets.UTF_8);
    RSAPublicKey key = (RSAPublicKey) RsaKeys.generate(2048).getPublic();
    assertEquals(Set.of(JWSAlgorithm.HS256), VerificationKeys.of(secret, null).algorithms());
    assertEquals(Set.of(JWSAlgorithm.RS256), VerificationKeys.of(null, key).algorithms());
    assertEquals(
        Set.of(JWSAlgorithm.HS256, JWSAlgorithm.RS256),
        VerificationKeys.of(secret, key).algorithms());
  }

  @Test
  void shortRsaKeysAreRefused() {
    RSAPublicKey weak = (RSAPublicKey) RsaKeys.generate(1024).getPublic();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> VerificationKeys.of(null, weak));
    assertTrue(e.getMessage().contains("1024"), e.getMessage());
  }

  @Test
  void readsAPublicKeyPem() {
    KeyPair pair = RsaKeys.generate(2048);
    Path pem = RsaKeys.writePem(directory, pair.getPublic());
    assertEquals(pair.getPublic(), VerificationKeys.readRsaPublicKey(pem));
  }

  @Test
  void readsACertificatePem() {
    RsaKeys.Issuer issuer = RsaKeys.issuerWithCertificate(directory);
    assertEquals(
        2048, VerificationKeys.readRsaPublicKey(issuer.certificatePem()).getModulus().bitLength());
  }

  @Test
  void missingFileIsNamed() {
    Path missing = directory.resolve("nope.pem");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> VerificationKeys.readRsaPublicKey(missing));
    assertTrue(e.getMessage().contains("nope.pem"), e.getMessage());
  }

  @Test
  void fileWithoutPemIsRefused() {
    Path text = RsaKeys.write(directory, "text.pem", "not a key\n");
    assertThrows(IllegalArgumentException.class, () -> VerificationKeys.readRsaPublicKey(text));
  }

  @Test
  void pkcs1RsaPublicKeyGetsAConversionHint() {
    Path pkcs1 =
        RsaKeys.write(directory, "pkcs1.pem", RsaKeys.pem("RSA PUBLIC KEY", new byte[] {1, 2}));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> VerificationKeys.readRsaPublicKey(pkcs1));
    assertTrue(e.getMessage().contains("openssl"), e.getMessage());
  }

  @Test
  void garbageInsideAPemBlockIsRefused() {
    Path junk =
        RsaKeys.write(directory, "junk.pem", RsaKeys.pem("PUBLIC KEY", new byte[] {1, 2, 3}));
    assertThrows(IllegalArgumentException.class, () -> VerificationKeys.readRsaPublicKey(junk));
  }

  @Test
  void ecKeyIsRefused() {
    Path ec = RsaKeys.writePem(directory, RsaKeys.generateEc().getPublic());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> VerificationKeys.readRsaPublicKey(ec));
    assertTrue(e.getMessage().contains("RSA"), e.getMessage());
  }
}
