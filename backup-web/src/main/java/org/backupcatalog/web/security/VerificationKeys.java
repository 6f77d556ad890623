package org.backupcatalog.web.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
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
 * The keys tokens are checked with: an HS256 shared secret, an RS256 public key, the identity
 * provider's key set (JWKS), or a combination (the RS256 key file and a key set exclude each
 * other). Only the algorithms of the configured keys are accepted, so an HS256 token is refused
 * outright when only an RSA key is configured (no algorithm confusion).
 *
 * <p>A token's algorithm picks where its key comes from: HS256 (and RS256 with a key file) from the
 * static keys, RS256, PS256 and ES256 from the key set. A key set key must then fit the token's
 * algorithm by its own type, curve and {@code alg}: the header alone never decides how a key is
 * used.
 */
public final class VerificationKeys {

  /** RFC 7518 3.2: an HS256 key must be at least as long as the hash, 256 bits. */
  public static final int MIN_SECRET_BYTES = 32;

  /** Shorter RSA keys are breakable; no real issuer uses them any more. */
  public static final int MIN_RSA_BITS = 2048;

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  /** What a provider's key set may sign with: RSA PKCS#1 and PSS, and ECDSA on P-256. */
  public static final Set<JWSAlgorithm> KEY_SET_ALGORITHMS =
      Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256);

  private final List<JWK> keys;
  private final JWKSource<SecurityContext> keySet;
  private final KeyFitsAlgorithm keySetSelector;
  private final Set<JWSAlgorithm> staticAlgorithms;

  private VerificationKeys(List<JWK> keys, JWKSource<SecurityContext> keySet) {
    this.keys = List.copyOf(keys);
    this.keySet = keySet;
    this.keySetSelector = keySet == null ? null : new KeyFitsAlgorithm(KEY_SET_ALGORITHMS, keySet);
    Set<JWSAlgorithm> fixed = new LinkedHashSet<>();
    for (JWK key : this.keys) {
      fixed.add((JWSAlgorithm) key.getAlgorithm());
    }
    this.staticAlgorithms = Collections.unmodifiableSet(fixed);
  }

  /**
   * The keys to verify with; either may be null, not both.
   *
   * @throws IllegalArgumentException when neither is given or the secret is too short
   */
  public static VerificationKeys of(byte[] hs256Secret, RSAPublicKey rs256Key) {
    return of(hs256Secret, rs256Key, null);
  }

  /**
   * The keys to verify with; any may be null, not all, and the RS256 key and the key set not both
   * (which of the two would an RS256 token be checked with?).
   *
   * @param keySet the provider's keys, as {@link KeySetPolicy#keep} keeps them
   * @throws IllegalArgumentException when none is given, both RSA sources are, or the secret is too
   *     short
   */
  public static VerificationKeys of(
      byte[] hs256Secret, RSAPublicKey rs256Key, JWKSource<SecurityContext> keySet) {
    if (rs256Key != null && keySet != null) {
      throw new IllegalArgumentException(
          "an RS256 key file and a key set (JWKS) exclude each other");
    }
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
    if (keys.isEmpty() && keySet == null) {
      throw new IllegalArgumentException("no verification key given");
    }
    return new VerificationKeys(keys, keySet);
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
    Set<JWSAlgorithm> algorithms = new LinkedHashSet<>(staticAlgorithms);
    if (keySet != null) {
      algorithms.addAll(KEY_SET_ALGORITHMS);
    }
    return Collections.unmodifiableSet(algorithms);
  }

  /** The key selector of a token processor: by the token's algorithm, from the right source. */
  JWSKeySelector<SecurityContext> selector() {
    Set<JWSAlgorithm> fixedAlgorithms = staticAlgorithms;
    JWSKeySelector<SecurityContext> fixed =
        fixedAlgorithms.isEmpty()
            ? null
            : new OneKeyPerAlgorithm(fixedAlgorithms, new ImmutableJWKSet<>(new JWKSet(keys)));
    JWSKeySelector<SecurityContext> provided = keySetSelector;
    return (header, context) -> {
      if (fixedAlgorithms.contains(header.getAlgorithm())) {
        return fixed.selectJWSKeys(header, context);
      }
      if (provided == null) {
        return List.of();
      }
      if (!(context instanceof Selection selection)) {
        return provided.selectJWSKeys(header, context);
      }
      if (selection.keySetKeys == null) {
        selection.keySetKeys = provided.selectJWSKeys(header, context);
      }
      return selection.keySetKeys;
    };
  }

  /**
   * The key set's keys a token with this header would be tried with now, in trial order: the same
   * call, with the same effects on the key set's cache and refresh, as a full check makes. Empty
   * when the header's algorithm is not one of the key set's.
   *
   * @throws KeySourceException when the key set cannot be had, as in a full check
   */
  List<? extends Key> keySetKeysFor(JWSHeader header) throws KeySourceException {
    if (keySetSelector == null || staticAlgorithms.contains(header.getAlgorithm())) {
      return List.of();
    }
    return keySetSelector.selectJWSKeys(header, null);
  }

  /**
   * The context of one token check: records the key set's keys the token was tried with, so that a
   * cached result can later be reused only while the key set still offers exactly these keys. Stays
   * null when the token's key is a configured one, which never changes.
   */
  static final class Selection implements SecurityContext {
    private List<? extends Key> keySetKeys;

    /**
     * The key set's keys already selected for this token in this check, so that the check asks the
     * key set once, as it did before results were cached (a key set asked twice could fetch twice).
     */
    void preselect(List<? extends Key> keys) {
      keySetKeys = keys;
    }

    /** The key set's keys the token was tried with; null when a configured key was used. */
    List<? extends Key> keySetKeys() {
      return keySetKeys;
    }
  }

  /** The provider's key set, to be closed with the verifier; null without one. */
  JWKSource<SecurityContext> keySet() {
    return keySet;
  }

  /**
   * Picks a configured key by algorithm alone. The stock selector also demands that a {@code kid}
   * in the header names the key; issuers such as Keycloak always send one, and with a single key
   * per algorithm there is nothing for it to choose between.
   */
  private static final class OneKeyPerAlgorithm
      extends JWSVerificationKeySelector<SecurityContext> {

    OneKeyPerAlgorithm(Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> source) {
      super(algorithms, source);
    }

    @Override
    protected JWKMatcher createJWKMatcher(JWSHeader header) {
      JWSAlgorithm algorithm = header.getAlgorithm();
      if (!isAllowed(algorithm)) {
        return null;
      }
      return new JWKMatcher.Builder()
          .keyType(KeyType.forAlgorithm(algorithm))
          .keyUses(KeyUse.SIGNATURE, null)
          .algorithms(algorithm, null)
          .build();
    }
  }

  /**
   * Picks key set keys by the token's {@code kid} that can sign with the token's algorithm: of its
   * key type, for signing, with that {@code alg} (or none declared), and for ECDSA on the curve the
   * algorithm names (Nimbus's stock matcher leaves the curve open), RSA keys of at least {@link
   * #MIN_RSA_BITS}. A token without a {@code kid} is tried against every such key. A key id the
   * cached set does not hold makes the source fetch the set again, within its rate limit.
   */
  private static final class KeyFitsAlgorithm extends JWSVerificationKeySelector<SecurityContext> {

    KeyFitsAlgorithm(Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> source) {
      super(algorithms, source);
    }

    @Override
    protected JWKMatcher createJWKMatcher(JWSHeader header) {
      JWSAlgorithm algorithm = header.getAlgorithm();
      if (!isAllowed(algorithm)) {
        return null;
      }
      JWKMatcher.Builder matcher =
          new JWKMatcher.Builder()
              .keyType(KeyType.forAlgorithm(algorithm))
              .keyID(header.getKeyID())
              .keyUses(KeyUse.SIGNATURE, null)
              .algorithms(algorithm, null);
      if (JWSAlgorithm.Family.EC.contains(algorithm)) {
        matcher.curves(Curve.forJWSAlgorithm(algorithm));
      } else {
        // The same floor as for a key file: a provider's weak key is no better than an operator's.
        matcher.minKeySize(MIN_RSA_BITS);
      }
      return matcher.build();
    }
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
