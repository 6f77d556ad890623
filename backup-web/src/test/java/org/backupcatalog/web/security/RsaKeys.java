package org.backupcatalog.web.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/** Key pairs made for a test, and the PEM file a server would be configured with. */
final class RsaKeys {

  private RsaKeys() {}

  static KeyPair generate(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair generateEc() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the key as {@code openssl rsa -pubout} does: a PUBLIC KEY block. */
  static Path writePem(Path directory, PublicKey key) {
    return write(
        directory, "public-" + System.nanoTime() + ".pem", pem("PUBLIC KEY", key.getEncoded()));
  }

  /** A self-signed certificate and its private key, made by the JDK's keytool. */
  record Issuer(PrivateKey privateKey, Path certificatePem) {}

  static Issuer issuerWithCertificate(Path directory) {
    Path store = directory.resolve("issuer.p12");
    char[] password = "changeit".toCharArray();
    try {
      Process keytool =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                  "-genkeypair",
                  "-alias",
                  "issuer",
                  "-keyalg",
                  "RSA",
                  "-keysize",
                  "2048",
                  "-dname",
                  "CN=backup-catalog-test-issuer",
                  "-validity",
                  "2",
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  store.toString(),
                  "-storepass",
                  new String(password))
              .redirectErrorStream(true)
              .redirectOutput(directory.resolve("keytool.log").toFile())
              .start();
      if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
        throw new IllegalStateException("keytool failed, see " + directory.resolve("keytool.log"));
      }
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        keys.load(in, password);
      }
      Certificate certificate = keys.getCertificate("issuer");
      Path pem =
          write(
              directory,
              "issuer-cert.pem",
              "A certificate as identity providers publish it\n"
                  + pem("CERTIFICATE", certificate.getEncoded()));
      return new Issuer((PrivateKey) keys.getKey("issuer", password), pem);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  static Path write(Path directory, String name, String content) {
    try {
      return Files.writeString(directory.resolve(name), content, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
