package org.backupcatalog.web.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.backupcatalog.web.testing.RunningCatalog;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown of the executable jar started the documented production way ({@code
 * deploy/payara-micro/run.sh}, so that its prepared fast start is tested too; docs/operations.md,
 * "Shutdown"): SIGTERM while clients keep asking for 1000-item pages. Every request that was inside
 * when the signal came is answered completely (200, all 1000 items, a parsable body), readiness
 * turns DOWN, a request arriving during the grace gets a complete 503, none is cut, and the process
 * exits once the grace is over.
 */
class GracefulShutdownIT {

  private static final String PROJECT = "graceful";
  private static final int ITEMS = 2_500;
  private static final int CLIENTS = 6;
  private static final Duration GRACE = Duration.ofSeconds(20);

  /**
   * A request sent less than this before the signal may reach the application only after it (the
   * client's and the server's hand-offs on a busy machine), and is then refused like one sent after
   * it: the client cannot tell the two apart. Once seen in CI: sent, then refused 52 ms later.
   */
  private static final Duration ARRIVAL = Duration.ofMillis(100);

  /** Payara's own stop after the grace, on a busy machine. */
  private static final Duration STOP_SLACK = Duration.ofSeconds(60);

  /** How one request ended. */
  private record Outcome(long sentNanos, long endedNanos, int status, int items, String failure) {}

  @Test
  void inFlightRequestsFinishThenTheProcessExits() throws Exception {
    Path data = Files.createTempDirectory("graceful-shutdown-");
    Path database = data.resolve("catalog");
    load(database);
    try (RunningCatalog catalog =
        RunningCatalog.start(
            RunningCatalog.Server.PAYARA_MICRO_LAUNCHER,
            "graceful-shutdown",
            Map.of(
                TestTokens.SECRET_VARIABLE,
                TestTokens.SECRET,
                "BACKUP_DATA_DIR",
                data.toString(),
                "BACKUP_DB_NAME",
                database.toString(),
                // The production start's grace (run.sh passes it as --shutdowngrace).
                "SHUTDOWN_GRACE_MS",
                Long.toString(GRACE.toMillis())))) {
      URI page = catalog.baseUri().resolve("v1/" + PROJECT + "/checkpoint_items?limit=1000");
      URI ready = catalog.baseUri().resolve("health/ready");
      String token = TestTokens.member(PROJECT).build();
      ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      for (int c = 0; c < CLIENTS; c++) {
        clients.submit(() -> askUntilRefused(page, token, outcomes));
      }
      // Every client has had a page, and is now waiting for its next one.
      while (outcomes.size() < CLIENTS) {
        Thread.sleep(100);
      }
      ProcessHandle process = catalog.process();
      long signal = System.nanoTime();
      process.destroy();
      int readiness = probe(ready);
      process.onExit().get(GRACE.plus(STOP_SLACK).toSeconds(), TimeUnit.SECONDS);
      double exitSeconds = (System.nanoTime() - signal) / 1e9;
      clients.shutdown();
      assertTrue(clients.awaitTermination(2, TimeUnit.MINUTES), "clients still asking");

      List<Outcome> inFlight = new ArrayList<>();
      int justBefore = 0;
      for (Outcome o : outcomes) {
        if (o.sentNanos < signal) {
          if (o.sentNanos < signal - ARRIVAL.toNanos()) {
            assertEquals(200, o.status, "a request sent before SIGTERM: " + o);
            assertEquals(1000, o.items, "a complete page: " + o);
          } else {
            justBefore++;
            assertTrue(
                o.status == 200 && o.items == 1000 || o.status == 503 && o.items == 0,
                "a request sent just before SIGTERM is answered completely or refused: " + o);
          }
          if (o.status == 200 && o.endedNanos > signal) {
            inFlight.add(o);
          }
        } else {
          assertTrue(
              o.status == 200 && o.items == 1000
                  || o.status == 503 && o.items == 0
                  || o.failure != null,
              "a request sent after SIGTERM is answered completely or refused: " + o);
          if (o.failure != null) {
            assertTrue(o.failure.startsWith(ConnectException.class.getName()), o.failure);
          }
        }
      }
      System.out.printf(
          "SIGTERM with %d pages in flight: all finished with 200 and 1000 items, the last %.1f s"
              + " after the signal (%d sent less than %d ms before it); readiness %d; exit after"
              + " %.1f s (grace %d s)%n",
          inFlight.size(),
          inFlight.stream().mapToLong(Outcome::endedNanos).max().orElse(signal) / 1e9
              - signal / 1e9,
          justBefore,
          ARRIVAL.toMillis(),
          readiness,
          exitSeconds,
          GRACE.toSeconds());
      assertTrue(inFlight.size() >= 1, "no page was in flight at the signal: nothing was tested");
      assertEquals(503, readiness, "readiness during the grace");
      assertTrue(exitSeconds >= GRACE.toSeconds() - 1, "Payara keeps serving for the grace");
      assertTrue(
          exitSeconds < GRACE.plus(STOP_SLACK).toSeconds(), "exited " + exitSeconds + " s after");
      assertTrue(
          catalog.logText().contains("requests in flight at the signal, 0 left"),
          "the drain logged that every request was answered");
    }
  }

  /** Pages one after another, until the catalog refuses one (503) or the connection. */
  private static void askUntilRefused(URI page, String token, ConcurrentLinkedQueue<Outcome> out) {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(page)
            .header("X-Auth-Token", token)
            .timeout(Duration.ofMinutes(2))
            .build();
    while (true) {
      long sent = System.nanoTime();
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int items = -1;
        if (response.statusCode() == 200) {
          try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            JsonObject body = reader.readObject();
            items = body.getJsonArray("checkpoint_items").size();
          }
        } else if (response.statusCode() == 503 && response.body().contains("\"CSBS.9998\"")) {
          items = 0;
        }
        out.add(new Outcome(sent, System.nanoTime(), response.statusCode(), items, null));
        if (response.statusCode() != 200) {
          return;
        }
      } catch (IOException | RuntimeException e) {
        out.add(new Outcome(sent, System.nanoTime(), -1, -1, e.getClass().getName() + ": " + e));
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The readiness status shortly after the signal (the hook flips it at once). */
  private static int probe(URI ready) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    for (int attempt = 0; attempt < 20; attempt++) {
      Thread.sleep(250);
      try {
        int status =
            http.send(
                    HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status != 200) {
          return status;
        }
      } catch (IOException e) {
        return -1;
      }
    }
    return 200;
  }

  /** A catalog of {@link #ITEMS} items in one project, by the loader jar, before the start. */
  private static void load(Path database) throws Exception {
    Path loader =
        Path.of(System.getProperty("backup.jar"))
            .toAbsolutePath()
            .getParent()
            .getParent()
            .getParent()
            .resolve("backup-loader/target/backup-loader.jar");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                loader.toString(),
                "--items",
                Integer.toString(ITEMS),
                "--project-ids",
                PROJECT,
                "--jdbc-url",
                "jdbc:derby:" + database + ";create=true")
            .inheritIO()
            .start();
    assertEquals(0, p.waitFor(), "the loader failed");
  }
}
