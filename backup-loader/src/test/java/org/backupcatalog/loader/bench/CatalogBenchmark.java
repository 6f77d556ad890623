package org.backupcatalog.loader.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The table in one run, for Derby and PostgreSQL: fills a database with the loader, starts
 * the built service jar on it, and measures, alternating the cases round after round so that a
 * noisy machine shifts them alike: a 100-item first page over HTTP against the same page read by
 * bare JDBC in this JVM (every column), a page 10,000 items deep by marker, the first page of a
 * small project, 10-item pages from 8 connections against a constant answer (401, no token), a
 * 1000-item page, the launch to the first 200 and the service's resident memory once idle; then
 * 1000-item pages from 32 connections, alternating between that service (a large heap) and a second
 * one started beside it with a small heap. A measurement, never a test. See docs/benchmark.md.
 *
 * <p>Derby is embedded, so a service holds its database alone: the bare JDBC and the second service
 * read copies made after the load, which hold the same rows. PostgreSQL is a throwaway embedded
 * server.
 */
public final class CatalogBenchmark {

  private static final String BIG = "bench-big";
  private static final String SMALL = "bench-small";
  private static final String SECRET = "benchmark-secret-benchmark-secret-0123456789";
  private static final int DEPTH = 10_000;

  /** The production start of the executable jar. */
  private static final String LAUNCHER = "deploy/payara-micro/run.sh";

  /** The launcher's default JVM options with a large heap. */
  private static final String LAUNCHER_LARGE_HEAP =
      "-Xms2g -Xmx2g -XX:+UseParallelGC -XX:+ExitOnOutOfMemoryError";

  private final Map<String, String> options;
  private boolean launcherPrepared;
  private final Path work;

  static {
    // Keep-alive connections kept per server (the JDK keeps 5): the 32-connection load reuses
    // its connections instead of opening one per request.
    System.setProperty("http.maxConnections", "64");
  }

  private CatalogBenchmark(Map<String, String> options) throws IOException {
    this.options = options;
    this.work = Path.of(option("--work-dir", "target/bench")).toAbsolutePath();
    Files.createDirectories(work);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    CatalogBenchmark bench = new CatalogBenchmark(options);
    Map<String, Map<String, String>> columns = new LinkedHashMap<>();
    for (String database : bench.option("--databases", "derby,postgres").split(",")) {
      columns.put(database, bench.run(database.trim()));
    }
    print(columns);
  }

  private String option(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  private int number(String name, int fallback) {
    return Integer.parseInt(option(name, Integer.toString(fallback)));
  }

  /** One database: load, start, measure, stop. */
  private Map<String, String> run(String database) throws Exception {
    int big = number("--" + database + "-items", 100_000);
    int small = number("--small-items", 10_000);
    int others = number("--other-items", 10_000);
    System.out.printf(
        Locale.ROOT, "%n== %s: %,d + %,d + %,d items ==%n", database, big, small, others);
    Target target =
        database.equals("postgres") ? Target.postgres(work) : Target.derby(work.resolve("derby"));
    try (target) {
      load(target, big, small, others);
      target.afterLoad();
      Map<String, String> column = new LinkedHashMap<>();
      column.put(
          "items: big project + small project + 20 others",
          String.format(Locale.ROOT, "%,d + %,d + %,d", big, small, others));
      measure(target, column);
      return column;
    }
  }

  private void load(Target target, int big, int small, int others) throws Exception {
    List<String> loader =
        new ArrayList<>(Arrays.asList(option("--loader", defaultLoader()).split(" ")));
    List<String> connection = target.loaderConnection();
    exec(with(loader, connection, "--items", big, "--project-ids", BIG, "--id-prefix", "big-"));
    exec(with(loader, connection, "--items", small, "--project-ids", SMALL, "--id-prefix", "sml-"));
    exec(with(loader, connection, "--items", others, "--projects", 20, "--id-prefix", "oth-"));
  }

  private static String defaultLoader() {
    return "java -jar backup-loader/target/backup-loader.jar";
  }

  private static List<String> with(List<String> base, List<String> more, Object... args) {
    List<String> all = new ArrayList<>(base);
    all.addAll(more);
    Stream.of(args).map(String::valueOf).forEach(all::add);
    return all;
  }

  private static void exec(List<String> command) throws Exception {
    System.out.println("$ " + String.join(" ", command));
    Process p = new ProcessBuilder(command).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("failed: " + command);
    }
  }

  private void measure(Target target, Map<String, String> column) throws Exception {
    String largeHeap = option("--java-opts", launcher() ? LAUNCHER_LARGE_HEAP : "-Xmx2g");
    String smallHeap = option("--small-heap-opts", launcher() ? "" : "-Xmx256m");
    String token = token(BIG);
    try (Service large = Service.start(this, target, largeHeap, "large")) {
      String base = large.items(BIG);
      Idle largeIdle = idle(large.process.pid());
      String marker;
      try (Connection bare = target.bareConnection()) {
        marker = markerAt(bare, DEPTH);
        boolean children = hasChildTables(bare);
        String small = large.items(SMALL);
        String smallToken = token(SMALL);
        warm(base, token, small, smallToken, marker);
        int warmup = number("--warmup", 50);
        int runs = number("--runs", 200);
        Map<String, Runnable> cases = new LinkedHashMap<>();
        cases.put("http100", () -> get(base + "?limit=100", token));
        cases.put("bare100", () -> barePage(bare, 100, children));
        cases.put("deep100", () -> get(base + "?limit=100&marker=" + marker, token));
        cases.put("small100", () -> get(small + "?limit=100", smallToken));
        cases.put("http1000", () -> get(base + "?limit=1000", token));
        cases.put("bare1000", () -> barePage(bare, 1000, children));
        Map<String, double[]> ms = alternate(cases, warmup, runs);
        double[] rates = throughput(base, token);
        double http100 = p50(ms.get("http100"));
        double bare100 = p50(ms.get("bare100"));
        column.put(
            "100-item first page p50, HTTP / bare JDBC",
            String.format(
                Locale.ROOT, "%.2f / %.2f ms = %.1fx", http100, bare100, http100 / bare100));
        column.put(
            "page 10,000 deep by marker / first page",
            String.format(Locale.ROOT, "%.2f", p50(ms.get("deep100")) / http100));
        column.put(
            "first page, big project / small project",
            String.format(Locale.ROOT, "%.2f", http100 / p50(ms.get("small100"))));
        column.put(
            "10-item pages / constant answer (401), req/s, 8 connections",
            String.format(
                Locale.ROOT, "%,.0f / %,.0f = %.2f", rates[0], rates[1], rates[0] / rates[1]));
        double http1000 = p50(ms.get("http1000"));
        double bare1000 = p50(ms.get("bare1000"));
        column.put(
            "1000-item page p50, HTTP / bare JDBC",
            String.format(
                Locale.ROOT, "%.1f / %.1f ms = %.1fx", http1000, bare1000, http1000 / bare1000));
      }
      // The large heap's service stays up, idle, while the small heap's starts beside it on a
      // database of its own, so that their 32-connection runs can alternate.
      try (Service smallHeapService = Service.start(this, target, smallHeap, "small")) {
        Idle smallIdle = idle(smallHeapService.process.pid());
        // Warmed as the large-heap service was before its measurements.
        warm(
            smallHeapService.items(BIG),
            token,
            smallHeapService.items(SMALL),
            token(SMALL),
            marker);
        String pages32 = pages32(large.items(BIG), smallHeapService.items(BIG), token);
        column.put(
            "launch to the first 200 (" + largeHeap + ", " + serviceJdk() + ")",
            String.format(Locale.ROOT, "%.1f s", large.launchSeconds));
        column.put(
            "RSS idle / after the runs (" + largeHeap + ", " + serviceJdk() + ")",
            String.format(Locale.ROOT, "%s / %d MB", largeIdle, rssMb(large.process.pid())));
        column.put(
            "1000-item pages/s, 32 connections, " + heapName(smallHeap) + " / " + largeHeap,
            pages32);
        column.put(
            "launch to the first 200 / RSS idle / after the runs ("
                + heapName(smallHeap)
                + ", "
                + serviceJdk()
                + ")",
            String.format(
                Locale.ROOT,
                "%.1f s / %s / %d MB",
                smallHeapService.launchSeconds,
                smallIdle,
                rssMb(smallHeapService.process.pid())));
      }
    }
  }

  /**
   * Every kind of request the measurements make, from 8 connections for {@code --warmup-seconds}
   * (default 60): the service's JIT compiles for thousands of requests after its start (a 1-item
   * page took 3.5 ms after 1,000 requests and 1.7 ms after 15,000), and a measurement of a cold JVM
   * measures the compiler.
   */
  private void warm(String base, String token, String small, String smallToken, String marker)
      throws Exception {
    List<Runnable> mix =
        List.of(
            () -> get(base + "?limit=100", token),
            () -> get(base + "?limit=100&marker=" + marker, token),
            () -> get(small + "?limit=100", smallToken),
            () -> get(base + "?limit=10", token),
            () -> get(base, null),
            () -> get(base + "?limit=1000", token));
    AtomicLong next = new AtomicLong();
    rate(() -> mix.get((int) (next.getAndIncrement() % mix.size())).run(), 8, warmupSeconds());
  }

  /**
   * 1000-item pages per second from 32 connections, the large heap's service against the small
   * heap's, both up at once: first a run of {@code --load-warmup-seconds} (30) on each that is not
   * counted (the large heap's service had served the single-client cases and the 8-connection
   * rates, the small heap's only the warm-up, and a JIT keeps compiling under a new load), then
   * {@code --load-rounds} (5) rounds of one run on each for twice {@code --load-seconds}, the first
   * of each round alternating, so that a change in the machine's speed hits both heaps alike. Until
   * 2026-12-02 the two heaps' runs came one service after the other, minutes apart, and two runs of
   * the same build gave 0.88 and 1.14.
   */
  private String pages32(String large, String small, String token) throws Exception {
    int seconds = loadSeconds() * 2;
    Runnable largePage = () -> get(large + "?limit=1000", token);
    Runnable smallPage = () -> get(small + "?limit=1000", token);
    int warmup = number("--load-warmup-seconds", 30);
    rate(largePage, 32, warmup);
    rate(smallPage, 32, warmup);
    int rounds = number("--load-rounds", 5);
    double largeSum = 0;
    double smallSum = 0;
    double lowest = Double.MAX_VALUE;
    double highest = 0;
    for (int round = 0; round < rounds; round++) {
      double largeRate;
      double smallRate;
      if (round % 2 == 0) {
        largeRate = rate(largePage, 32, seconds);
        smallRate = rate(smallPage, 32, seconds);
      } else {
        smallRate = rate(smallPage, 32, seconds);
        largeRate = rate(largePage, 32, seconds);
      }
      largeSum += largeRate;
      smallSum += smallRate;
      lowest = Math.min(lowest, smallRate / largeRate);
      highest = Math.max(highest, smallRate / largeRate);
    }
    return String.format(
        Locale.ROOT,
        "%.1f / %.1f = %.2f (rounds %.2f-%.2f)",
        smallSum / rounds,
        largeSum / rounds,
        smallSum / largeSum,
        lowest,
        highest);
  }

  private int warmupSeconds() {
    return number("--warmup-seconds", 60);
  }

  /** Whether services start the production way (--start launcher, the default) or bare. */
  private boolean launcher() {
    String start = option("--start", "launcher");
    if (!start.equals("launcher") && !start.equals("jar")) {
      throw new IllegalArgumentException("--start is launcher or jar, not " + start);
    }
    return start.equals("launcher");
  }

  private static String heapName(String javaOpts) {
    return javaOpts.isBlank() ? LAUNCHER + "'s own -Xmx256m" : javaOpts;
  }

  /**
   * The launcher's root directory for this jar, prepared once before any start is timed: the
   * preparation (two warm-up starts of the server) is a step of the installation, not of a start.
   */
  private Path launcherRoot() throws Exception {
    Path root = work.resolve("micro-root");
    if (!launcherPrepared) {
      List<String> prepare =
          List.of("bash", LAUNCHER, option("--jar", "backup-web/target/backup-catalog.jar"));
      System.out.println("$ PREPARE_ONLY=1 ROOT_DIR=" + root + " " + String.join(" ", prepare));
      ProcessBuilder builder = new ProcessBuilder(prepare).inheritIO();
      builder.environment().put("PREPARE_ONLY", "1");
      builder.environment().put("ROOT_DIR", root.toString());
      serviceJavaHome().ifPresent(home -> builder.environment().put("BACKUP_JAVA_HOME", home));
      long begun = System.nanoTime();
      if (builder.start().waitFor() != 0) {
        throw new IllegalStateException("the launcher could not prepare " + root);
      }
      System.out.printf(Locale.ROOT, "prepared in %.1f s%n", (System.nanoTime() - begun) / 1e9);
      launcherPrepared = true;
    }
    return root;
  }

  /**
   * The JDK the service runs on ({@code --service-java-home}, the launcher's BACKUP_JAVA_HOME): by
   * default the launcher's own choice (JAVA_HOME, else the java on PATH), as in production, since
   * the steady state is what most rows measure and Java 25 was no faster there
   * (docs/list-profile.md); {@code --service-java-home path} names another, e.g. a Java 25 whose
   * AOT cache starts the service faster (docs/operations.md).
   */
  private Optional<String> serviceJavaHome() {
    String home = option("--service-java-home", "default");
    if (home.equals("default")) {
      return Optional.empty();
    }
    if (!Files.isExecutable(Path.of(home, "bin", "java"))) {
      throw new IllegalArgumentException("--service-java-home: no " + home + "/bin/java");
    }
    return Optional.of(home);
  }

  /** How the table names the service's JDK. */
  private String serviceJdk() {
    return serviceJavaHome()
        .map(home -> Path.of(home).getFileName().toString())
        .orElse("default JDK");
  }

  private int loadSeconds() {
    return number("--load-seconds", 5);
  }

  /** The built service jar, started on the target with the given JVM options. */
  private static final class Service implements AutoCloseable {
    final Process process;
    final int port;
    final double launchSeconds;

    private Service(Process process, int port, double launchSeconds) {
      this.process = process;
      this.port = port;
      this.launchSeconds = launchSeconds;
    }

    String items(String project) {
      return "http://127.0.0.1:" + port + "/v1/" + project + "/checkpoint_items";
    }

    static Service start(CatalogBenchmark bench, Target target, String javaOpts, String label)
        throws Exception {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      String jar = bench.option("--jar", "backup-web/target/backup-catalog.jar");
      List<String> command = new ArrayList<>();
      Map<String, String> environment = new HashMap<>();
      if (bench.launcher()) {
        // The production start: its prepared root directory and archive, its JVM options unless
        // the run names others (JAVA_OPTS replaces them).
        command.addAll(List.of("bash", LAUNCHER, jar));
        environment.put("PORT", Integer.toString(port));
        environment.put("ROOT_DIR", bench.launcherRoot().toString());
        environment.put("SHUTDOWN_GRACE_MS", "0");
        bench.serviceJavaHome().ifPresent(home -> environment.put("BACKUP_JAVA_HOME", home));
        if (!javaOpts.isBlank()) {
          environment.put("JAVA_OPTS", javaOpts);
        }
      } else {
        command.add(bench.serviceJavaHome().map(home -> home + "/bin/java").orElse("java"));
        Stream.of(javaOpts.trim().split("\\s+")).filter(o -> !o.isEmpty()).forEach(command::add);
        Path root = Files.createTempDirectory(bench.work, "payara-");
        command.addAll(
            List.of(
                "-jar",
                jar,
                "--port",
                Integer.toString(port),
                "--nohazelcast",
                "--rootdir",
                root.toString()));
      }
      System.out.println("$ " + environment + " " + String.join(" ", command));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.redirectOutput(
          bench.work.resolve("service-" + target.name() + "-" + label + ".log").toFile());
      builder.environment().putAll(environment);
      builder.environment().putAll(target.serviceEnvironment(label));
      builder.environment().put("BACKUP_AUTH_HS256_SECRET", SECRET);
      String probe = "http://127.0.0.1:" + port + "/v1/" + BIG + "/checkpoint_items?limit=1";
      String token = token(BIG);
      long launched = System.nanoTime();
      Process process = builder.start();
      Service service = new Service(process, port, 0);
      try {
        while (bench.status(probe, token) != 200) {
          if (!process.isAlive()) {
            throw new IllegalStateException("the service ended; see its log in " + bench.work);
          }
          // On a busy machine the start alone took over five minutes.
          if (System.nanoTime() - launched
              > Duration.ofMinutes(bench.number("--start-minutes", 15)).toNanos()) {
            throw new IllegalStateException("no 200 within --start-minutes");
          }
          Thread.sleep(100);
        }
      } catch (Exception e) {
        service.close();
        throw e;
      }
      return new Service(process, port, (System.nanoTime() - launched) / 1e9);
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /**
   * Every case once per round, so that a change in the machine's load hits all alike, in an order
   * shuffled anew each round (a fixed seed: runs compare), so that every case follows every other
   * as often. In a fixed order the big project's first page always followed the bare 1000-item
   * read, which left the service idle and its caches cold for 11 ms: it took 15 % longer than the
   * small project's page, which followed a request to the service (docs/benchmark.md, "Order of the
   * cases"). Starting each round one case further on would not do: in a cycle, each case still
   * follows the same one.
   */
  private static Map<String, double[]> alternate(
      Map<String, Runnable> cases, int warmup, int runs) {
    List<String> order = new ArrayList<>(cases.keySet());
    Random shuffle = new Random(13);
    Map<String, double[]> ms = new LinkedHashMap<>();
    order.forEach(name -> ms.put(name, new double[runs]));
    for (int round = -warmup; round < runs; round++) {
      Collections.shuffle(order, shuffle);
      for (String name : order) {
        long start = System.nanoTime();
        cases.get(name).run();
        if (round >= 0) {
          ms.get(name)[round] = (System.nanoTime() - start) / 1e6;
        }
      }
    }
    return ms;
  }

  /** Requests per second from 8 connections: 10-item pages, then the 401, twice each in turn. */
  private double[] throughput(String base, String token) throws Exception {
    int seconds = loadSeconds();
    double[] total = new double[2];
    for (int turn = 0; turn < 4; turn++) {
      boolean pages = turn % 2 == 0;
      total[pages ? 0 : 1] +=
          rate(pages ? () -> get(base + "?limit=10", token) : () -> get(base, null), 8, seconds);
    }
    return new double[] {total[0] / 2, total[1] / 2};
  }

  private static double rate(Runnable request, int clients, int seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicLong done = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      running.add(
          pool.submit(
              () -> {
                start.await();
                while (System.nanoTime() < end) {
                  request.run();
                  done.incrementAndGet();
                }
                return null;
              }));
    }
    long begun = System.nanoTime();
    start.countDown();
    for (Future<?> f : running) {
      f.get();
    }
    pool.shutdown();
    return done.get() / ((System.nanoTime() - begun) / 1e9);
  }

  private int status(String url, String token) {
    try {
      return send(url, token);
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /** Asks {@code url}, its whole body read: a 200 with a token, the 401 without. */
  private void get(String url, String token) {
    int status = send(url, token);
    if (status != (token == null ? 401 : 200)) {
      throw new IllegalStateException(url + " answered " + status);
    }
  }

  /**
   * One request on a keep-alive connection of the JDK's blocking client, the body read into an
   * array. The JDK's asynchronous {@code HttpClient}, used before 2026-12-02, cost the benchmark
   * 1.0 ms more per 10- or 100-item page and 3.9 ms more per 1000-item page, asked alternately
   * (docs/benchmark.md, "The client"): time spent in the benchmark, not in the service.
   */
  private static int send(String url, String token) {
    try {
      HttpURLConnection request = (HttpURLConnection) URI.create(url).toURL().openConnection();
      if (token != null) {
        request.setRequestProperty("X-Auth-Token", token);
      }
      int status = request.getResponseCode();
      try (InputStream body = status < 400 ? request.getInputStream() : request.getErrorStream()) {
        if (body != null) {
          body.readAllBytes();
        }
      }
      return status;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The page the service reads for a first page, by bare JDBC, every column of every row. */
  private static void barePage(Connection c, int limit, boolean children) {
    String sql =
        "SELECT * FROM checkpoint_item WHERE project_id = ? ORDER BY created_at DESC, id DESC"
            + " FETCH FIRST "
            + (limit + 1)
            + " ROWS ONLY";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, BIG);
      List<String> ids = readAll(s);
      if (children) {
        // The schema before items were one row: the same page's volume backups and images.
        String in = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        for (String table : List.of("volume_backup", "os_image")) {
          try (PreparedStatement t =
              c.prepareStatement(
                  "SELECT * FROM "
                      + table
                      + " WHERE item_id IN ("
                      + in
                      + ") ORDER BY item_id, position")) {
            for (int i = 0; i < ids.size(); i++) {
              t.setString(i + 1, ids.get(i));
            }
            readAll(t);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> readAll(PreparedStatement s) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      ResultSetMetaData meta = rs.getMetaData();
      int columns = meta.getColumnCount();
      while (rs.next()) {
        for (int k = 1; k <= columns; k++) {
          // A CLOB's value, not its locator: the service reads the item's lists as text.
          if (meta.getColumnType(k) == Types.CLOB) {
            rs.getString(k);
          } else {
            rs.getObject(k);
          }
        }
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  private static String markerAt(Connection c, int depth) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id FROM checkpoint_item WHERE project_id = ? ORDER BY created_at DESC, id DESC"
                + " OFFSET "
                + (depth - 1)
                + " ROWS FETCH NEXT 1 ROWS ONLY")) {
      s.setString(1, BIG);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("the big project holds fewer than " + depth + " items");
        }
        return rs.getString(1);
      }
    }
  }

  private static boolean hasChildTables(Connection c) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    for (String name : List.of("volume_backup", "VOLUME_BACKUP")) {
      try (ResultSet t = meta.getTables(null, null, name, null)) {
        if (t.next()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The resident memory once the service is idle: at least 5 s after its first 200, and then as
   * soon as its CPU time grew by at most {@value #IDLE_TICKS} clock ticks (normally 10 ms each) in
   * each of two consecutive seconds, or after 60 s. A JVM that is still compiling what its first
   * requests ran holds the compiler's memory until it is done and the launcher's native heap trim
   * (every 2 s) has given it back: on a busy machine that took longer than the 5 s the benchmark
   * waited until 2026-12-02 (docs/operations.md, "JVM sizing"). The reading 5 s after the first 200
   * is reported too.
   */
  private static Idle idle(long pid) throws Exception {
    long begun = System.nanoTime();
    Thread.sleep(5_000);
    long at5 = rssMb(pid);
    long ticks = cpuTicks(pid);
    int quietSeconds = 0;
    while (quietSeconds < 2 && System.nanoTime() - begun < Duration.ofSeconds(60).toNanos()) {
      Thread.sleep(1_000);
      long now = cpuTicks(pid);
      quietSeconds = now - ticks <= IDLE_TICKS ? quietSeconds + 1 : 0;
      ticks = now;
    }
    return new Idle(rssMb(pid), (System.nanoTime() - begun) / 1e9, at5);
  }

  private static final int IDLE_TICKS = 2;

  /** Resident memory of an idle service, the seconds after its first 200, and the 5 s reading. */
  private record Idle(long mb, double seconds, long at5) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d MB idle after %.0f s (%d at 5 s)", mb, seconds, at5);
    }
  }

  /** The process's user and system CPU time in clock ticks ({@code /proc/<pid>/stat}). */
  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    // Fields after the command name, which is in parentheses and may hold spaces: the state is
    // field 3, utime field 14 and stime field 15.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static long rssMb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }

  private static double p50(double[] ms) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** An HS256 token for a member of {@code project}, valid for two hours. */
  private static String token(String project) throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header =
        b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    long exp = Instant.now().plus(Duration.ofHours(2)).getEpochSecond();
    String claims =
        b64.encodeToString(
            ("{\"sub\":\"bench\",\"project_id\":\""
                    + project
                    + "\",\"roles\":[],\"exp\":"
                    + exp
                    + "}")
                .getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signed = header + "." + claims;
    return signed + "." + b64.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
  }

  private static void print(Map<String, Map<String, String>> columns) {
    List<String> rows = new ArrayList<>();
    columns
        .values()
        .forEach(c -> c.keySet().stream().filter(k -> !rows.contains(k)).forEach(rows::add));
    StringBuilder table = new StringBuilder("\n| measure |");
    columns.keySet().forEach(db -> table.append(' ').append(db).append(" |"));
    table.append("\n|---|").append("---|".repeat(columns.size())).append('\n');
    for (String row : rows) {
      table.append("| ").append(row).append(" |");
      columns.values().forEach(c -> table.append(' ').append(c.getOrDefault(row, "")).append(" |"));
      table.append('\n');
    }
    System.out.println(table);
  }

  /** Where the catalog lives during one run. */
  private interface Target extends AutoCloseable {
    String name();

    List<String> loaderConnection();

    /** The settings of the service labelled {@code label} ("large" or "small", its heap). */
    Map<String, String> serviceEnvironment(String label);

    /** Between the load and the service's start. */
    default void afterLoad() throws IOException {}

    Connection bareConnection() throws SQLException;

    @Override
    void close() throws IOException;

    static Target derby(Path dir) throws IOException {
      deleteTree(dir);
      Files.createDirectories(dir);
      Path catalog = dir.resolve("catalog");
      Path copy = dir.resolve("bare-copy");
      return new Target() {
        @Override
        public String name() {
          return "derby";
        }

        @Override
        public List<String> loaderConnection() {
          return List.of("--jdbc-url", "jdbc:derby:" + catalog + ";create=true");
        }

        /**
         * The large heap's service on the loaded database, the small heap's on a copy of its own in
         * a directory of its own, since the two run at once.
         */
        @Override
        public Map<String, String> serviceEnvironment(String label) {
          Path home = label.equals("large") ? dir : dir.resolve(label);
          return Map.of(
              "BACKUP_DATA_DIR",
              home.toString(),
              "BACKUP_DB_NAME",
              home.resolve("catalog").toString());
        }

        @Override
        public void afterLoad() throws IOException {
          copyTree(catalog, copy);
          copyTree(catalog, dir.resolve("small").resolve("catalog"));
        }

        @Override
        public Connection bareConnection() throws SQLException {
          Connection c = DriverManager.getConnection("jdbc:derby:" + copy, "backup", "backup");
          return c;
        }

        @Override
        public void close() {
          try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
          } catch (SQLException expected) {
            // Derby answers a shutdown with an exception.
          }
        }
      };
    }

    static Target postgres(Path work) throws IOException {
      EmbeddedPostgres server =
          EmbeddedPostgres.builder()
              .setServerConfig("shared_buffers", "512MB")
              .setServerConfig("max_wal_size", "4GB")
              .start();
      try (Connection c = server.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE bench");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      int port = server.getPort();
      String url = "jdbc:postgresql://127.0.0.1:" + port + "/bench";
      return new Target() {
        @Override
        public String name() {
          return "postgres";
        }

        @Override
        public List<String> loaderConnection() {
          return List.of("--jdbc-url", url, "--user", "postgres", "--password", "postgres");
        }

        @Override
        public Map<String, String> serviceEnvironment(String label) {
          return Map.of(
              "BACKUP_DB_CLASS", "org.postgresql.ds.PGSimpleDataSource",
              "BACKUP_DB_HOST", "127.0.0.1",
              "BACKUP_DB_PORT", Integer.toString(port),
              "BACKUP_DB_NAME", "bench",
              "BACKUP_DB_USER", "postgres",
              "BACKUP_DB_PASSWORD", "postgres",
              "BACKUP_DB_SSLMODE", "disable");
        }

        @Override
        public void afterLoad() {
          try (Connection c = bareConnection();
              Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        }

        @Override
        public Connection bareConnection() throws SQLException {
          return DriverManager.getConnection(url, "postgres", "postgres");
        }

        @Override
        public void close() throws IOException {
          server.close();
        }
      };
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    deleteTree(to);
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.getFileName().toString().endsWith(".lck")) {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
