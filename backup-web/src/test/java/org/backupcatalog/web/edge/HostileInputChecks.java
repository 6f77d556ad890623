package org.backupcatalog.web.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.backupcatalog.web.edge.RawHttp.Answer;
import org.backupcatalog.web.edge.RawHttp.Outcome;
import org.backupcatalog.web.testing.RunningCatalog;
import org.backupcatalog.web.testing.RunningCatalog.Server;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Sends {@link #requests()} generated hostile requests ({@link HostileRequests}) to a running
 * catalog over plain sockets, several at a time, and checks every answer with {@link AnswerRules};
 * then checks that the projects no request was allowed to write are exactly as before, and that the
 * catalog still answers. The seed is printed, and {@code -Dhostile.seed=N} replays a run; {@code
 * -Dhostile.requests=N} sets the count (docs/edge.md has the long run's command).
 */
public abstract class HostileInputChecks {

  /** The seed of the default run; its requests found the 500 of a form-encoded %ZZ query. */
  static final long DEFAULT_SEED = 8079861605298L;

  private static final int ITEMS_PER_PROJECT = 12;
  private static final int THREADS = 6;
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(12);

  /** The catalog to check; its token secret is {@link TestTokens#SECRET}. */
  protected abstract RunningCatalog catalog();

  /** How many requests this check sends unless {@code hostile.requests} says otherwise. */
  protected abstract int requests();

  /** Where the answers are told apart in the printed distribution. */
  protected abstract String where();

  /** The server the catalog runs on, whose listener's own refusals {@link Listener} knows. */
  protected abstract Server server();

  @Test
  void everyAnswerKeepsTheRules() throws Exception {
    RunningCatalog catalog = catalog();
    seed(catalog);
    Map<String, String> before = snapshot(catalog);
    // One seed by default, so that every build sends the same requests and a red build is a
    // change of ours; -Dhostile.seed=N explores others (docs/edge.md).
    long seed = Long.getLong("hostile.seed", DEFAULT_SEED);
    int count = Integer.getInteger("hostile.requests", requests());
    System.out.printf(
        "%s: %d hostile requests, seed %d (-Dhostile.seed=%d)%n", where(), count, seed, seed);
    HostileRequests generator = new HostileRequests(seed);
    RawHttp http = new RawHttp(catalog.baseUri(), ANSWER_TIMEOUT);
    Listener listener = Listener.of(server());
    Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> byCase = new ConcurrentHashMap<>();
    List<String> violations = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger brokenCount = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        running.add(
            pool.submit(
                () -> {
                  while (true) {
                    HostileRequest request;
                    synchronized (generator) {
                      if (count <= sent(statuses)) {
                        return null;
                      }
                      request = generator.next();
                      statuses.computeIfAbsent("sent", k -> new AtomicInteger()).incrementAndGet();
                    }
                    Answer answer = http.send(request.bytes(), request.halfClose());
                    String label = label(request, answer);
                    statuses.computeIfAbsent(label, k -> new AtomicInteger()).incrementAndGet();
                    if (!request.cases().isEmpty()) {
                      byCase
                          .computeIfAbsent(request.cases() + " " + label, k -> new AtomicInteger())
                          .incrementAndGet();
                    }
                    List<String> broken = AnswerRules.check(request, answer, listener);
                    if (!broken.isEmpty() && brokenCount.incrementAndGet() <= 25) {
                      violations.add(
                          broken + "\n    request: " + request + "\n    answer: " + answer);
                    }
                  }
                }));
      }
      for (Future<?> each : running) {
        each.get();
      }
    } finally {
      pool.shutdownNow();
    }
    statuses.remove("sent");
    System.out.printf(
        "%s: statuses of %d hostile requests (seed %d): %s%n",
        where(), count, seed, new TreeMap<>(statusesOf(statuses)));
    System.out.printf(
        "%s: answers to the requests holding listener cases (%s): %s%n",
        where(), listener, statusesOf(byCase));
    assertTrue(
        violations.isEmpty(),
        () ->
            brokenCount.get()
                + " answers broke a rule (seed "
                + seed
                + "), the first ones:\n"
                + String.join("\n", violations));
    assertEquals(before, snapshot(catalog), "a project no request could write has changed");
    try (Response alive =
        catalog
            .target("v1/hostile-a/checkpoint_items")
            .request()
            .header("X-Auth-Token", TestTokens.member("hostile-a").build())
            .get()) {
      assertEquals(200, alive.getStatus(), "the catalog still answers");
    }
  }

  private static int sent(Map<String, AtomicInteger> statuses) {
    AtomicInteger sent = statuses.get("sent");
    return sent == null ? 0 : sent.get();
  }

  private static Map<String, Integer> statusesOf(Map<String, AtomicInteger> statuses) {
    Map<String, Integer> plain = new TreeMap<>();
    statuses.forEach((k, v) -> plain.put(k, v.get()));
    return plain;
  }

  /** {@code 404}, or {@code 400 listener} for the listener's bare answer, or the outcome. */
  private static String label(HostileRequest request, Answer answer) {
    if (answer.outcome() != Outcome.ANSWERED) {
      return answer.outcome().name().toLowerCase();
    }
    return answer.status() + (answer.header("X-Request-Id") == null ? " listener" : "");
  }

  /** The items of the read-only projects and of the writable one, by an engine. */
  private static void seed(RunningCatalog catalog) {
    for (String project : AnswerRules.projects()) {
      String engine = TestTokens.engine(project).build();
      for (int i = 0; i < ITEMS_PER_PROJECT; i++) {
        String id = AnswerRules.prefixOf(project) + i;
        String body =
            Json.createObjectBuilder()
                .add(
                    "checkpoint_item",
                    Json.createObjectBuilder()
                        .add("name", "hostile_" + id)
                        .add("status", i % 3 == 0 ? "error" : "available")
                        .add("resource_id", "vm-" + i)
                        .add("resource_type", "OS::Nova::Server")
                        .add("created_at", "2024-05-01T10:00:0" + (i % 10) + "Z"))
                .build()
                .toString();
        try (Response put =
            catalog
                .target("v1/" + project + "/checkpoint_items/" + id)
                .request()
                .header("X-Auth-Token", engine)
                .put(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE))) {
          assertTrue(put.getStatus() == 200 || put.getStatus() == 201, "seed " + id);
        }
      }
    }
  }

  /** Each read-only project's whole list, as its admin reads it. */
  private static Map<String, String> snapshot(RunningCatalog catalog) {
    Map<String, String> lists = new TreeMap<>();
    for (String project : HostileRequests.READ_ONLY) {
      try (Response list =
          catalog
              .target("v1/" + project + "/checkpoint_items")
              .queryParam("limit", 1000)
              .queryParam("sort", "id:asc")
              .request()
              .header("X-Auth-Token", TestTokens.admin(project).build())
              .get()) {
        assertEquals(200, list.getStatus());
        lists.put(project, list.readEntity(String.class));
      }
    }
    return lists;
  }
}
