package org.backupcatalog.web.keycloak;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.backupcatalog.web.testing.RunningCatalog;

/**
 * Keycloak as a child process: the distribution that the {@code keycloak} profile unpacks into
 * {@code target/keycloak}, started in development mode ({@code kc.sh start-dev}) on 127.0.0.1 on a
 * free port with a Java 21+ ({@code keycloak.java.home}), the realm file of the repository imported
 * at start, and a bootstrap admin of the master realm for the admin REST API. Its data directory
 * (an H2 database) is inside the distribution under {@code target/}, emptied before each start.
 */
final class RunningKeycloak implements AutoCloseable {

  static final String REALM = "backup";

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(420);
  private static final String ADMIN = "admin";
  private static final String ADMIN_PASSWORD = "keycloak-it-admin-password";

  private final Path log;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Process process;
  private final URI base;

  private RunningKeycloak(Path home, Path realmFile, Path javaHome, Path log) throws IOException {
    this.log = log;
    Path data = home.resolve("data");
    deleteRecursively(data);
    Files.createDirectories(data.resolve("import"));
    Files.copy(realmFile, data.resolve("import").resolve(realmFile.getFileName()));
    int port = RunningCatalog.freePort();
    base = URI.create("http://127.0.0.1:" + port + "/");
    ProcessBuilder builder =
        new ProcessBuilder(
                "sh",
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=" + RunningCatalog.freePort(),
                "--import-realm")
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
    builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    process = builder.start();
    // A test JVM that dies must not leave Keycloak running.
    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "keycloak-reaper"));
  }

  /** Starts Keycloak without waiting; {@link #awaitRealm} waits until the realm answers. */
  static RunningKeycloak launch() {
    Path home = Path.of(required("keycloak.home"));
    Path realm = Path.of(required("keycloak.realm"));
    Path javaHome = Path.of(required("keycloak.java.home"));
    if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
      throw new IllegalStateException(
          home + " holds no Keycloak: run the test with the Maven profile keycloak (-Pkeycloak)");
    }
    if (!Files.isExecutable(javaHome.resolve("bin/java"))) {
      throw new IllegalStateException(
          "Keycloak needs Java 21 or later; " + javaHome + " has none (set -Dkeycloak.java.home)");
    }
    try {
      return new RunningKeycloak(home, realm, javaHome, home.getParent().resolve("keycloak.log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The realm's issuer, exactly as Keycloak writes it into {@code iss}. */
  String issuer() {
    return base.resolve("realms/" + REALM).toString();
  }

  /** A user's access token through a client with direct access grants (password grant). */
  String passwordToken(String clientId, String username, String password) {
    return token(
        REALM,
        Map.of(
            "grant_type", "password",
            "client_id", clientId,
            "username", username,
            "password", password));
  }

  /** A confidential client's own access token (client credentials grant). */
  String clientToken(String clientId, String secret) {
    return token(
        REALM,
        Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
  }

  /**
   * Rotates the realm's signing key the way an administrator does: a new {@code rsa-generated} key
   * provider with a higher priority, then the old ones deleted (their keys leave the key set).
   */
  void rotateRsaKey() {
    List<JsonObject> old = keyProviders("rsa-generated");
    addKeyProvider(
        "rsa-rotated-" + System.nanoTime(),
        "rsa-generated",
        Map.of("priority", "200", "keySize", "2048", "algorithm", "RS256"));
    for (JsonObject provider : old) {
      admin("DELETE", "admin/realms/" + REALM + "/components/" + provider.getString("id"), null);
    }
  }

  /** Adds a P-256 ECDSA key and makes ES256 the realm's token signature algorithm. */
  void switchToEs256() {
    addKeyProvider(
        "ecdsa-p256",
        "ecdsa-generated",
        Map.of("priority", "300", "ecdsaEllipticCurveKey", "P-256"));
    admin(
        "PUT",
        "admin/realms/" + REALM,
        Json.createObjectBuilder().add("defaultSignatureAlgorithm", "ES256").build().toString());
  }

  private void addKeyProvider(String name, String providerId, Map<String, String> config) {
    var settings = Json.createObjectBuilder();
    config.forEach((key, value) -> settings.add(key, Json.createArrayBuilder().add(value)));
    String body =
        Json.createObjectBuilder()
            .add("name", name)
            .add("providerId", providerId)
            .add("providerType", "org.keycloak.keys.KeyProvider")
            .add("parentId", realmId())
            .add("config", settings)
            .build()
            .toString();
    admin("POST", "admin/realms/" + REALM + "/components", body);
  }

  private List<JsonObject> keyProviders(String providerId) {
    JsonArray all =
        read(admin(
                "GET",
                "admin/realms/" + REALM + "/components?type=org.keycloak.keys.KeyProvider",
                null))
            .asJsonArray();
    return all.stream()
        .map(JsonValue::asJsonObject)
        .filter(provider -> providerId.equals(provider.getString("providerId")))
        .toList();
  }

  private String realmId() {
    return read(admin("GET", "admin/realms/" + REALM, null)).asJsonObject().getString("id");
  }

  private String admin(String method, String path, String json) {
    String token =
        token(
            "master",
            Map.of(
                "grant_type",
                "password",
                "client_id",
                "admin-cli",
                "username",
                ADMIN,
                "password",
                ADMIN_PASSWORD));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token);
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    HttpResponse<String> response = send(request.build());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          method + " " + path + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  private String token(String realm, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                    base.resolve("realms/" + realm + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "token of "
              + form.get("client_id")
              + ": "
              + response.statusCode()
              + " "
              + response.body());
    }
    return read(response.body()).asJsonObject().getString("access_token");
  }

  /** Waits until the realm's discovery document answers; stops Keycloak when it does not. */
  void awaitRealm() {
    long started = System.nanoTime();
    long deadline = started + STARTUP_TIMEOUT.toNanos();
    URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        close();
        throw new IllegalStateException(
            "Keycloak exited with " + process.exitValue() + " while starting; see " + log);
      }
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          System.out.printf(
              "Keycloak answered after %.1f s%n", (System.nanoTime() - started) / 1e9);
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(Duration.ofSeconds(1));
    }
    close();
    throw new IllegalStateException(
        "Keycloak did not answer within " + STARTUP_TIMEOUT + "; see " + log);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }

  private static JsonValue read(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + property + " is not set: run with the Maven profile keycloak");
    }
    return value;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
