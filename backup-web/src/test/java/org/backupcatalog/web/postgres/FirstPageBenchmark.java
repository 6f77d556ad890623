package org.backupcatalog.web.postgres;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.backupcatalog.web.testing.CatalogClient;
import org.backupcatalog.web.testing.RunningCatalog;
import org.backupcatalog.web.testing.TestTokens;

/**
 * The first page of a large project against that of a small one, over HTTP on the built jar, on a
 * PostgreSQL database that already holds both (the bulk loader fills one, see the PostgreSQL notes
 * of the README): the two kinds of request alternate in one run, so that both see the same machine,
 * and the p50 ratio says how the first page scales with the project. A measurement, not a test: run
 * it by hand from {@code backup-web} after {@code mvn package}, e.g.
 *
 * <pre>
 * mvn -q -B -pl backup-web test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.backupcatalog.web.postgres.FirstPageBenchmark \
 *   -Dexec.args="--port 5432 --database bench --user postgres --password x"
 * </pre>
 *
 * Options (defaults): {@code --host} (localhost), {@code --port} (5432), {@code --database}
 * (bench), {@code --user}, {@code --password}, {@code --large} (bench-big), {@code --small}
 * (bench-small), {@code --warmup} (30), {@code --runs} (200).
 */
public final class FirstPageBenchmark {

  /** Made once: signing is not what is measured. */
  private static final Map<String, String> TOKENS = new java.util.HashMap<>();

  private FirstPageBenchmark() {}

  public static void main(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put(TestTokens.SECRET_VARIABLE, TestTokens.SECRET);
    environment.put("BACKUP_DB_CLASS", "org.postgresql.ds.PGSimpleDataSource");
    environment.put("BACKUP_DB_HOST", options.getOrDefault("--host", "localhost"));
    environment.put("BACKUP_DB_PORT", options.getOrDefault("--port", "5432"));
    environment.put("BACKUP_DB_NAME", options.getOrDefault("--database", "bench"));
    environment.put("BACKUP_DB_USER", options.getOrDefault("--user", "postgres"));
    environment.put("BACKUP_DB_PASSWORD", options.getOrDefault("--password", ""));
    String large = options.getOrDefault("--large", "bench-big");
    String small = options.getOrDefault("--small", "bench-small");
    int warmup = Integer.parseInt(options.getOrDefault("--warmup", "30"));
    int runs = Integer.parseInt(options.getOrDefault("--runs", "200"));

    try (RunningCatalog catalog = RunningCatalog.start("first-page-benchmark", environment)) {
      CatalogClient client = new CatalogClient(catalog);
      long largeCount = count(client, large);
      long smallCount = count(client, small);
      for (int i = 0; i < warmup; i++) {
        firstPage(client, large);
        firstPage(client, small);
      }
      double[] largeMs = new double[runs];
      double[] smallMs = new double[runs];
      for (int i = 0; i < runs; i++) {
        largeMs[i] = firstPage(client, large);
        smallMs[i] = firstPage(client, small);
      }
      Arrays.sort(largeMs);
      Arrays.sort(smallMs);
      System.out.printf(
          Locale.ROOT,
          "%nFirst page (1,000 items) over HTTP, %d runs each after %d warm-up runs, alternating%n",
          runs,
          warmup);
      System.out.printf(Locale.ROOT, "%-34s %9s %9s%n", "", "p50 ms", "p95 ms");
      row(large + " (" + String.format(Locale.ROOT, "%,d", largeCount) + " items)", largeMs);
      row(small + " (" + String.format(Locale.ROOT, "%,d", smallCount) + " items)", smallMs);
      System.out.printf(
          Locale.ROOT, "ratio of p50, large/small: %.2f%n", p(largeMs, 50) / p(smallMs, 50));
    }
  }

  private static long count(CatalogClient client, String project) {
    return CatalogClient.ok(client.count(project, Map.of(), TestTokens.member(project).build()))
        .getJsonNumber("count")
        .longValue();
  }

  /** Milliseconds from the request to the last byte of the body, which must hold a full page. */
  private static double firstPage(CatalogClient client, String project) {
    String token = TOKENS.computeIfAbsent(project, p -> TestTokens.member(p).build());
    long start = System.nanoTime();
    String body;
    try (Response response = client.list(project, Map.of(), token)) {
      body = response.readEntity(String.class);
      if (response.getStatus() != 200) {
        throw new IllegalStateException(response.getStatus() + " " + body);
      }
    }
    double ms = (System.nanoTime() - start) / 1e6;
    JsonObject page = Json.createReader(new StringReader(body)).readObject();
    if (page.getJsonArray("checkpoint_items").size() != 1000) {
      throw new IllegalStateException(project + " has less than a page of items");
    }
    return ms;
  }

  private static double p(double[] sorted, int percentile) {
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static void row(String name, double[] ms) {
    System.out.printf(Locale.ROOT, "%-34s %9.1f %9.1f%n", name, p(ms, 50), p(ms, 95));
  }
}
