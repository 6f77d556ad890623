package org.backupcatalog.web.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backupcatalog.web.item.IngestHttp.Reply;
import org.backupcatalog.web.testing.CatalogExtension;
import org.backupcatalog.web.testing.RunningCatalog;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several writers at once over HTTP (CONTRACT section 1: PUT is a whole-item upsert that honours
 * {@code If-Match}, "so that two writers never silently overwrite each other"). Every write carries
 * a distinct tag in its name, its volume backups, images and other fields, so that any state read
 * back can be checked to be exactly one write's, never a mix of two.
 */
@ExtendWith(CatalogExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestConcurrencyIT {

  private static final String PROJECT = "ingest-concurrency";
  private static final int WRITERS = 6;
  private static final int ROUNDS = 15;
  private static final Pattern TAG = Pattern.compile("writer (w\\d+r\\d+)");

  private IngestHttp http;
  private String engine;
  private String member;
  private ExecutorService pool;

  @BeforeAll
  void connect(RunningCatalog catalog) {
    http = new IngestHttp(catalog);
    engine = TestTokens.engine(PROJECT).build();
    member = TestTokens.member(PROJECT).build();
    pool = Executors.newFixedThreadPool(WRITERS + 3);
  }

  @AfterAll
  void shutdown() {
    pool.shutdownNow();
  }

  @Test
  void withTheSameIfMatchExactlyOneWriterPerVersionSucceeds() throws Exception {
    String id = "cc-if-match";
    String etag = created(id, body("w99r99"));
    for (int round = 0; round < ROUNDS; round++) {
      String current = etag;
      List<Callable<Reply>> writes = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        JsonObject body = body("w" + w + "r" + round);
        writes.add(
            () ->
                http.put(
                    http.item(PROJECT, id),
                    IngestHttp.envelope(body),
                    engine,
                    IngestHttp.JSON,
                    "If-Match",
                    current));
      }
      List<Reply> replies = together(writes);
      List<Reply> winners = replies.stream().filter(r -> r.status() == 200).toList();
      assertEquals(1, winners.size(), () -> "round " + statuses(replies));
      for (Reply reply : replies) {
        if (reply.status() != 200) {
          reply.error(412, "CSBS.2003");
        }
      }
      Reply winner = winners.get(0);
      etag = winner.header("ETag");
      assertNotEquals(current, etag);
      Reply get = http.get(PROJECT, id, member);
      assertEquals(etag, get.header("ETag"));
      assertEquals(winner.item(), get.item(), "the stored item is the winner's, whole");
      assertWhole(get.item(), id);
    }
  }

  /**
   * The classic lost update: writers that each read, append one volume backup and write back with
   * {@code If-Match} (retrying on 412) end with every append in the list, each exactly once.
   */
  @Test
  void readModifyWriteWithIfMatchLosesNoUpdate() throws Exception {
    String id = "cc-append";
    created(id, body("w98r98"));
    int appends = 8;
    AtomicInteger conflicts = new AtomicInteger();
    List<Callable<Reply>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      writers.add(
          () -> {
            Reply last = null;
            for (int k = 0; k < appends; k++) {
              for (int attempt = 0; ; attempt++) {
                assertTrue(attempt < 500, "no progress");
                Reply get = http.get(PROJECT, id, member);
                assertEquals(200, get.status(), get::text);
                JsonObject item = get.item();
                JsonObject extend = item.getJsonObject("extend_info");
                JsonArrayBuilder volumes =
                    Json.createArrayBuilder(extend.getJsonArray("volume_backups"));
                volumes.add(Json.createObjectBuilder().add("id", "w" + writer + "-" + k));
                JsonObject changed =
                    Json.createObjectBuilder(item)
                        .add(
                            "extend_info",
                            Json.createObjectBuilder(extend).add("volume_backups", volumes))
                        .build();
                last =
                    http.put(
                        http.item(PROJECT, id),
                        IngestHttp.envelope(changed),
                        engine,
                        IngestHttp.JSON,
                        "If-Match",
                        get.header("ETag"));
                if (last.status() == 200) {
                  break;
                }
                last.error(412, "CSBS.2003");
                conflicts.incrementAndGet();
              }
            }
            return last;
          });
    }
    together(writers);
    JsonObject item = http.get(PROJECT, id, member).item();
    List<String> ids = new ArrayList<>();
    for (JsonObject volume :
        item.getJsonObject("extend_info")
            .getJsonArray("volume_backups")
            .getValuesAs(JsonObject.class)) {
      ids.add(volume.getString("id"));
    }
    Set<String> expected = new HashSet<>();
    for (int w = 0; w < WRITERS; w++) {
      List<String> own = new ArrayList<>();
      for (int k = 0; k < appends; k++) {
        expected.add("w" + w + "-" + k);
        own.add("w" + w + "-" + k);
      }
      List<String> seen = new ArrayList<>(ids);
      seen.retainAll(own);
      assertEquals(own, seen, "each writer's appends, in its order");
    }
    ids.removeIf(v -> v.startsWith("w98r98"));
    assertEquals(WRITERS * appends, ids.size(), ids::toString);
    assertEquals(expected, new HashSet<>(ids));
    System.out.println("IngestConcurrencyIT: " + conflicts + " conflicts (412) were retried");
  }

  /**
   * Without {@code If-Match} the last write wins, whole: while writers overwrite one item, readers
   * (GET and the list) only ever see one write's state, and after each round the item is exactly
   * one of that round's writes, as its PUT answered it.
   */
  @Test
  void withoutIfMatchTheLastWriteWinsWholeAndReadsNeverSeeAMix() throws Exception {
    String id = "cc-last-wins";
    created(id, body("w97r97"));
    AtomicBoolean writing = new AtomicBoolean(true);
    Map<String, Integer> observed = new ConcurrentHashMap<>();
    List<Future<Integer>> readers = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      boolean byList = k == 2;
      readers.add(
          pool.submit(
              () -> {
                int reads = 0;
                while (writing.get()) {
                  JsonObject item = byList ? listed(id) : http.get(PROJECT, id, member).item();
                  try {
                    observed.merge(assertWhole(item, id), 1, Integer::sum);
                  } catch (AssertionError torn) {
                    throw new AssertionError(
                        (byList ? "list" : "GET") + " read " + torn.getMessage(), torn);
                  }
                  reads++;
                }
                return reads;
              }));
    }
    try {
      for (int round = 0; round < ROUNDS; round++) {
        List<Callable<Reply>> writes = new ArrayList<>();
        Map<String, Reply> byEtag = new ConcurrentHashMap<>();
        for (int w = 0; w < WRITERS; w++) {
          JsonObject body = body("w" + w + "r" + round);
          writes.add(
              () -> {
                Reply reply = http.put(PROJECT, id, body, engine);
                assertEquals(200, reply.status(), reply::text);
                byEtag.put(reply.header("ETag"), reply);
                return reply;
              });
        }
        together(writes);
        Reply get = http.get(PROJECT, id, member);
        Reply last = byEtag.get(get.header("ETag"));
        assertNotNull(last, "the stored version is one of this round's writes");
        assertEquals(last.item(), get.item());
        assertWhole(get.item(), id);
      }
    } finally {
      writing.set(false);
    }
    int reads = 0;
    for (Future<Integer> reader : readers) {
      reads += reader.get(60, TimeUnit.SECONDS);
    }
    assertTrue(reads > ROUNDS, "the readers ran alongside the writers: " + reads);
    assertTrue(observed.size() > 1, "the readers saw several writes: " + observed.keySet());
  }

  /** Writers creating the same new id at once make one item: one 201, the others replace it. */
  @Test
  void concurrentCreatesOfOneIdMakeOneItem() throws Exception {
    long before = http.count(PROJECT, member);
    int rounds = 10;
    for (int round = 0; round < rounds; round++) {
      String id = "cc-create-" + round;
      List<Callable<Reply>> writes = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        JsonObject body = body("w" + w + "r" + round);
        writes.add(() -> http.put(PROJECT, id, body, engine));
      }
      List<Reply> replies = together(writes);
      assertEquals(
          1, replies.stream().filter(r -> r.status() == 201).count(), () -> statuses(replies));
      assertEquals(
          WRITERS - 1,
          replies.stream().filter(r -> r.status() == 200).count(),
          () -> statuses(replies));
      Reply get = http.get(PROJECT, id, member);
      Reply stored =
          replies.stream()
              .filter(r -> r.header("ETag").equals(get.header("ETag")))
              .findFirst()
              .orElseThrow();
      assertEquals(stored.item(), get.item());
      assertWhole(get.item(), id);
    }
    assertEquals(before + rounds, http.count(PROJECT, member));
  }

  /** Deletes racing a writer that uses {@code If-Match}: the write either applies or is 412. */
  @Test
  void aDeleteBetweenReadAndWriteTurnsTheWriteInto412() {
    String id = "cc-delete";
    String etag = created(id, body("w96r96"));
    assertEquals(204, http.delete(PROJECT, id, engine).status());
    Reply put =
        http.put(
            http.item(PROJECT, id),
            IngestHttp.envelope(body("w0r0")),
            engine,
            IngestHttp.JSON,
            "If-Match",
            etag);
    put.error(412, "CSBS.2003");
    assertEquals(404, http.get(PROJECT, id, member).status());
  }

  // ------------------------------------------------------------------------------------------

  private String created(String id, JsonObject body) {
    Reply put = http.put(PROJECT, id, body, engine);
    assertTrue(put.status() == 201 || put.status() == 200, put::text);
    return put.header("ETag");
  }

  /**
   * A write tagged {@code tag} everywhere: its name, 1 to 3 volume backups, an image, numbers and
   * strings of extend_info and backup_data, an unknown key. Times are given, so that the whole
   * stored item follows from the tag.
   */
  private static JsonObject body(String tag) {
    int n = Math.abs(tag.hashCode());
    JsonArrayBuilder volumes = Json.createArrayBuilder();
    for (int k = 0; k <= n % 3; k++) {
      volumes.add(
          Json.createObjectBuilder()
              .add("id", tag + "-vb" + k)
              .add("name", tag)
              .add("size", n + k)
              .add("bootable", k == 0)
              .add("source_volume_id", tag + "-vol" + k)
              .add("snapshot_id", tag + "-snap" + k)
              .add("written_by", tag));
    }
    JsonObjectBuilder extend =
        Json.createObjectBuilder()
            .add("resource_name", tag)
            .add("size", n)
            .add("progress", n % 101)
            .add("volume_backups", volumes)
            .add(
                "os_images_data",
                Json.createArrayBuilder().add(Json.createObjectBuilder().add("image_id", tag)))
            .add("fail_code", Json.createObjectBuilder().add("Code", n).add("Description", tag))
            .add("written_by", tag);
    return Json.createObjectBuilder()
        .add("name", "writer " + tag)
        .add("description", tag)
        .add("status", "available")
        .add("resource_id", "r-" + tag)
        .add("resource_type", "OS::Nova::Server")
        .add("checkpoint_id", "cp-" + tag)
        .add("created_at", "2024-01-01T00:00:00")
        .add("updated_at", "2024-01-02T00:00:00." + String.format("%06d", n % 1_000_000))
        .add("extend_info", extend)
        .add("backup_data", Json.createObjectBuilder().add("eip", tag).add("ram", n))
        .build();
  }

  /** Asserts that {@code item} is exactly what one tagged write stores; answers its tag. */
  private static String assertWhole(JsonObject item, String id) {
    Matcher tag = TAG.matcher(item.getString("name"));
    assertTrue(tag.matches(), item::toString);
    JsonObject expected = IngestItems.expected(body(tag.group(1)), id, null);
    assertEquals(
        expected, item, () -> "a mix of writes: " + IngestItems.differences(expected, item));
    return tag.group(1);
  }

  private JsonObject listed(String id) {
    Reply list = http.get(http.list(PROJECT, Map.of("status", "available")), member);
    assertEquals(200, list.status(), list::text);
    for (JsonObject item :
        list.json().getJsonArray("checkpoint_items").getValuesAs(JsonObject.class)) {
      if (item.getString("id").equals(id)) {
        return item;
      }
    }
    throw new AssertionError(id + " missing from the list");
  }

  /** Runs the calls at the same moment (as far as threads allow) and answers their results. */
  private <T> List<T> together(List<Callable<T>> calls)
      throws InterruptedException, ExecutionException, TimeoutException {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> call : calls) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return call.call();
              }));
    }
    start.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get(120, TimeUnit.SECONDS));
    }
    return Collections.unmodifiableList(results);
  }

  private static String statuses(List<Reply> replies) {
    return replies.stream().map(r -> r.status() + " " + r.text()).toList().toString();
  }
}
