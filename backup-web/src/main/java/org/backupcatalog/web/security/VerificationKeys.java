package org.backupcatalog.web.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys tokens are checked with: an HS256 shared secret, an RS256 public key, or both. Only the
 * algorithms of the configured keys are accepted, so an HS256 token is refused outright when only
 * an RSA key is configured (no algorithm confusion).
 */
public final class VerificationKeys {

  /** RFC 7518 3.2: an HS256 key must be at least as long as the hash, 256 bits. */
  public static final int MIN_SECRET_BYTES = 32;

  /** Shorter RSA keys are breakable; no real issuer uses them any more. */
  public static final int MIN_RSA_BITS = 2048;

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  private final List<JWK> keys;

  private VerificationKeys(List<JWK> keys) {
    this.keys = List.copyOf(keys);
  }

  /**
   * The keys to verify with; either may be null, not both.
   *
   * @throws IllegalArgumentException when neither is given or the secret is too short
   */
  public static VerificationKeys of(byte[] hs256Secret, RSAPublicKey rs256Key) {
    List<JWK> keys = new ArrayList<>();
    if (hs256Secret != null) {
      requireSecretLength(hs256Secret.length);
      keys.add(
          new OctetSequenceKey.Builder(hs256Secret)
              .algorithm(JWSAlgorithm.HS256)
              .keyUse(KeyUse.SIGNATURE)
              .build());
    }
    if (rs256Key != null) {
      if (rs256Key.getModulus().bitLength() < MIN_RSA_BITS) {
        throw new IllegalArgumentException(
            "the RS256 public key has "
                + rs256Key.getModulus().bitLength()
                + " bits, at least "
                + MIN_RSA_BITS
                + " are needed");
      }
      keys.add(
          new RSAKey.Builder(rs256Key)
              .algorithm(JWSAlgorithm.RS256)
              .keyUse(KeyUse.SIGNATURE)
              .build());
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no verification key given");
    }
    return new VerificationKeys(keys);
  }

  /** A configured secret: its UTF-8 bytes, which must be at least 32. */
  public static byte[] secretOf(String configured) {
    byte[] secret = configured.getBytes(StandardCharsets.UTF_8);
    requireSecretLength(secret.length);
    return secret;
  }

  /**
   * Reads an RSA public key from a PEM file holding either a {@code PUBLIC KEY} (X.509
   * SubjectPublicKeyInfo, what {@code openssl rsa -pubout} writes) or a {@code CERTIFICATE} (what
   * Keycloak and most identity providers publish).
   *
   * @throws IllegalArgumentException with a message that says what is wrong with the file
   */
  public static RSAPublicKey readRsaPublicKey(Path pemFile) {
    String text;
    try {
      text = Files.readString(pemFile, StandardCharsets.US_ASCII);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot read " + pemFile + ": " + e, e);
    }
    Matcher pem = PEM.matcher(text);
    if (!pem.find()) {
      throw new IllegalArgumentException(pemFile + " holds no PEM block");
    }
    String type = pem.group(1);
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(pem.group(2));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(pemFile + ": the PEM block is not valid Base64", e);
    }
    PublicKey key;
    try {
      key =
          switch (type) {
            case "PUBLIC KEY" ->
                KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            case "CERTIFICATE" ->
                CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der))
                    .getPublicKey();
            default ->
                throw new IllegalArgumentException(
                    pemFile
                        + " holds a "
                        + type
                        + "; expected a PUBLIC KEY or a CERTIFICATE"
                        + " (convert with: openssl rsa -RSAPublicKey_in -in FILE -pubout)");
          };
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(pemFile + " holds no usable RSA public key: " + e, e);
    }
    if (!(key instanceof RSAPublicKey rsa)) {
      throw new IllegalArgumentException(
          pemFile + " holds a " + key.getAlgorithm() + " key, not an RSA key");
    }
    return rsa;
  }

  /** The algorithms of the configured keys, and no other. */
  Set<JWSAlgorithm> algorithms() {
    Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
    for (JWK key : keys) {
      algorithms.add((JWSAlgorithm) key.getAlgorithm());
    }
    return Collections.unmodifiableSet(algorithms);
  }

  JWKSource<SecurityContext> source() {
    return new ImmutableJWKSet<>(new JWKSet(keys));
  }

  private static void requireSecretLength(int length) {
    if (length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "the HS256 secret has "
              + length
              + " bytes, at least "
              + MIN_SECRET_BYTES
              + " are needed");
    }
  }
}
