package org.backupcatalog.web.testing;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The production artifact, {@code backup-catalog.jar}, running as a child process: {@code java -jar
 * backup-catalog.jar --port <free> --nohazelcast --rootdir <tmp>} with a fresh {@code
 * BACKUP_DATA_DIR} and the environment the test asks for; or the WAR on another {@link Server}, set
 * up and run by that server's {@code deploy/<server>/run.sh} exactly as an administrator runs it.
 *
 * <p>{@link #start} returns once the application itself answers (a response carrying {@code
 * X-Request-Id}, which only the catalog sets), not merely Payara: a failed deployment leaves Payara
 * answering 404 (STACK pitfall 7), so the log is watched and the start fails at once when it
 * reports one.
 *
 * <p>Each instance writes under {@code target/it-catalogs/<name>-<n>/}: {@code catalog.log} (the
 * process's output, kept for diagnosis) and {@code data/}. Payara's runtime directory is a
 * temporary one, removed on {@link #close}.
 */
public final class RunningCatalog implements AutoCloseable {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final List<String> DEPLOYMENT_FAILURES =
      List.of(
          "Exception while preparing the app",
          "Exception while loading the app",
          "Exception during lifecycle processing",
          // WildFly: a failed deployment operation, a server started with failed services.
          "WFLYCTL0013:",
          "WFLYSRV0026:");
  private static final AtomicInteger COUNTER = new AtomicInteger();

  /**
   * The catalog's time zone unless the test gives {@code TZ}: far from UTC (+12:45, +13:45 in
   * summer), as the build runs every test JVM, so that the catalog is proven to keep its times in
   * UTC by itself also when a test runs outside the build.
   */
  public static final String TIME_ZONE = "Pacific/Chatham";

  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    // A test JVM that dies or is killed must not leave catalogs running.
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> LIVE.forEach(RunningCatalog::kill), "catalog-reaper"));
  }

  /** Where the catalog runs. */
  public enum Server {
    /** The executable jar: Payara Micro with the WAR inside, configured by its environment. */
    PAYARA_MICRO(null, Duration.ofSeconds(240)),
    /**
     * The same jar by its production start, {@code deploy/payara-micro/run.sh}: a prepared root
     * directory with a class data sharing archive (prepared at its first start after a build).
     */
    PAYARA_MICRO_LAUNCHER("payara-micro", Duration.ofSeconds(600)),
    /** The WAR on Payara Server 6, by {@code deploy/payara-server/run.sh}. */
    PAYARA_SERVER("payara-server", Duration.ofSeconds(600)),
    /** The WAR on WildFly, by {@code deploy/wildfly/run.sh}. */
    WILDFLY("wildfly", Duration.ofSeconds(600));

    private final String deployFolder;

    /** Generous: a first run of a script unpacks (or even fetches) its server distribution. */
    private final Duration startupTimeout;

    Server(String deployFolder, Duration startupTimeout) {
      this.deployFolder = deployFolder;
      this.startupTimeout = startupTimeout;
    }
  }

  private final Server server;
  private final Path jar;
  private final Path home;
  private final Path dataDirectory;
  private final Map<String, String> environment;
  private final Client client;
  private Process process;
  private Path runtimeDirectory;
  private Path log;
  private int starts;
  private URI baseUri;

  private RunningCatalog(Server server, String name, Map<String, String> environment)
      throws IOException {
    this.server = server;
    this.jar = artifact();
    this.home =
        jar.getParent()
            .resolve("it-catalogs")
            .resolve(name + "-" + COUNTER.incrementAndGet())
            .toAbsolutePath();
    deleteRecursively(home);
    this.dataDirectory = Files.createDirectories(home.resolve("data"));
    this.environment = new LinkedHashMap<>(environment);
    this.client =
        ClientBuilder.newBuilder()
            .connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(60, TimeUnit.SECONDS)
            .build();
  }

  /**
   * Starts a catalog and waits until it answers.
   *
   * @param name names its folder under {@code target/it-catalogs}
   * @param environment variables for the process, e.g. {@code BACKUP_AUTH_HS256_SECRET}; {@code
   *     BACKUP_DATA_DIR} is set to a fresh folder unless given here. The test JVM's own {@code
   *     BACKUP_*} variables are not passed on, so that a developer's shell cannot change a test.
   */
  public static RunningCatalog start(String name, Map<String, String> environment) {
    return start(Server.PAYARA_MICRO, name, environment);
  }

  /**
   * Starts the catalog on {@code server} and waits until it answers; on the servers other than
   * Payara Micro the environment must name a PostgreSQL database ({@code BACKUP_DB_*}).
   */
  public static RunningCatalog start(Server server, String name, Map<String, String> environment) {
    try {
      RunningCatalog catalog = new RunningCatalog(server, name, environment);
      try {
        catalog.launch();
      } catch (RuntimeException | Error e) {
        catalog.close();
        throw e;
      }
      return catalog;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://localhost:<port>/}; changes at each {@link #restart()}. */
  public URI baseUri() {
    return baseUri;
  }

  /** A target below the base URI, e.g. {@code target("v1/p1/checkpoint_items")}. */
  public WebTarget target(String path) {
    return client.target(baseUri).path(path);
  }

  /** A JAX-RS client (Jersey, with JSON-P: {@code readEntity(JsonObject.class)} works). */
  public Client client() {
    return client;
  }

  /** The {@code BACKUP_DATA_DIR} of this catalog: Derby's database and log are in it. */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /** The output of the current process, for assertions on what was logged. */
  public String logText() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The running process, e.g. to send it SIGTERM ({@code destroy()}) and time its exit. */
  public ProcessHandle process() {
    return process.toHandle();
  }

  /** Stops the process gracefully and starts a new one on the same data directory. */
  public void restart() {
    stop();
    launch();
  }

  /** Stops the process (gracefully, then forcibly) and closes the client. Idempotent. */
  @Override
  public void close() {
    stop();
    client.close();
  }

  private void launch() {
    try {
      int port = freePort();
      runtimeDirectory = Files.createTempDirectory("payara-micro-");
      log = home.resolve(starts == 0 ? "catalog.log" : "catalog-" + starts + ".log");
      starts++;
      ProcessBuilder builder =
          new ProcessBuilder(command(port))
              .directory(home.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().keySet().removeIf(key -> key.startsWith("BACKUP_"));
      builder.environment().put("BACKUP_DATA_DIR", dataDirectory.toString());
      // deploy/<server>/run.sh: the ports (Payara Server's admin port is PORT+1 unless given), and
      // this run's own server instance.
      builder.environment().put("PORT", Integer.toString(port));
      builder.environment().put("ADMIN_PORT", Integer.toString(freePort()));
      builder.environment().put("SERVER_DIR", home.resolve("server").toString());
      builder.environment().put("TZ", TIME_ZONE);
      builder.environment().putAll(environment);
      process = builder.start();
      LIVE.add(process);
      baseUri = URI.create("http://localhost:" + port + "/");
      awaitApplication();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> command(int port) {
    List<String> command = new ArrayList<>();
    if (server == Server.PAYARA_MICRO) {
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of("-jar", jar.toString()));
      command.addAll(List.of("--port", Integer.toString(port), "--nohazelcast"));
      command.addAll(List.of("--rootdir", runtimeDirectory.toString()));
    } else {
      // The launcher takes the jar; the servers' scripts take the WAR.
      Path artifact =
          server == Server.PAYARA_MICRO_LAUNCHER ? jar : jar.resolveSibling("backup.war");
      Path script =
          jar.getParent()
              .getParent()
              .getParent()
              .resolve("deploy/" + server.deployFolder + "/run.sh");
      command.addAll(List.of("bash", script.toString(), artifact.toString()));
    }
    return command;
  }

  private void awaitApplication() throws IOException {
    long started = System.nanoTime();
    long deadline = started + server.startupTimeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "The catalog exited with " + process.exitValue() + " while starting; see " + log);
      }
      String output = Files.readString(log, StandardCharsets.ISO_8859_1);
      for (String failure : DEPLOYMENT_FAILURES) {
        if (output.contains(failure)) {
          throw new IllegalStateException(
              "The catalog failed to deploy (\"" + failure + "\"); see " + log);
        }
      }
      if (answers()) {
        System.out.printf(
            "%s answered after %.1f s%n", home.getFileName(), (System.nanoTime() - started) / 1e9);
        return;
      }
      sleep(Duration.ofMillis(250));
    }
    throw new IllegalStateException(
        "The catalog did not answer within " + server.startupTimeout + "; see " + log);
  }

  private boolean answers() {
    try (Response response = client.target(baseUri).request().get()) {
      return response.getHeaderString("X-Request-Id") != null;
    } catch (RuntimeException notYet) {
      return false;
    }
  }

  private void stop() {
    if (process == null) {
      return;
    }
    // SIGTERM: Payara Micro shuts down; a run.sh shuts its server down and exits.
    List<ProcessHandle> started = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        kill(process);
        process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle survivor : started) {
      if (survivor.isAlive()) {
        System.out.printf("%s: process %d outlived its catalog; killed%n", home, survivor.pid());
        survivor.destroyForcibly();
      }
    }
    LIVE.remove(process);
    process = null;
    deleteRecursively(runtimeDirectory);
  }

  /** The process and whatever it started (a script's server), forcibly. */
  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /** Set by failsafe (see the pom); the fallback serves a run from an IDE in the module folder. */
  private static Path artifact() {
    Path jar = Path.of(System.getProperty("backup.jar", "target/backup-catalog.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run mvn package first");
    }
    return jar.toAbsolutePath();
  }

  /** A port nothing listens on now, for a process the test starts. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the catalog", e);
    }
  }

  private static void deleteRecursively(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
