package org.backupcatalog.web.postgres;

import jakarta.json.Json;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.backupcatalog.web.testing.RunningCatalog;
import org.backupcatalog.web.testing.TestTokens;

/**
 * Readers and writers calling the catalog without pause while its database goes away and comes
 * back: every call is timed, every acknowledged write is remembered. The figures of docs/edge.md
 * (time to the first 503 for reads and for writes, the slowest answer during the outage, time to
 * recover, acknowledged writes lost) come from {@link #run}.
 */
public final class OutageUnderLoad {

  /** One call: what it was, when it ended (ns since the start), how long it took, its status. */
  record Call(boolean write, String kind, long endNanos, long tookNanos, int status) {}

  /** What a run measured, in milliseconds; {@code lost} lists acknowledged writes not found. */
  public record Figures(
      long firstRead503Millis,
      long firstWrite503Millis,
      long slowestDuringOutageMillis,
      String slowestCall,
      long recoveryMillis,
      int callsDuringOutage,
      int nonJson503,
      int acknowledgedWrites,
      List<String> lost) {

    @Override
    public String toString() {
      return String.format(
          "first read 503 %d ms after the cut, first write 503 %d ms, slowest answer during the"
              + " outage %d ms (%s; %d calls), every call 2xx again %d ms after the database's"
              + " return; %d writes acknowledged, %d lost; %d 503s without the contract's body",
          firstRead503Millis,
          firstWrite503Millis,
          slowestDuringOutageMillis,
          slowestCall,
          callsDuringOutage,
          recoveryMillis,
          acknowledgedWrites,
          lost.size(),
          nonJson503);
    }
  }

  private final RunningCatalog catalog;
  private final TcpProxy database;
  private final String project;

  public OutageUnderLoad(RunningCatalog catalog, TcpProxy database, String project) {
    this.catalog = catalog;
    this.database = database;
    this.project = project;
  }

  /**
   * Calls for {@code before}, cuts the database for {@code outage}, restores it and calls on until
   * every call has answered 2xx for a while (at most a minute).
   */
  public Figures run(Duration before, Duration outage) throws InterruptedException {
    String engine = TestTokens.engine(project).build();
    String member = TestTokens.member(project).build();
    List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger nonJson = new AtomicInteger();
    AtomicInteger sequence = new AtomicInteger();
    try (Response seeded = put("load-0", engine)) {
      if (seeded.getStatus() != 200 && seeded.getStatus() != 201) {
        throw new IllegalStateException(
            "cannot seed the item the readers GET: " + seeded.getStatus());
      }
    }
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      boolean writer = t % 2 == 0;
      pool.submit(
          () -> {
            int n = 0;
            while (running.get()) {
              long began = System.nanoTime();
              int status;
              String id = null;
              String kind = writer ? "PUT" : READS[n % READS.length];
              try (Response response =
                  writer
                      ? put(id = "load-" + sequence.incrementAndGet(), engine)
                      : read(n++, member)) {
                status = response.getStatus();
                String body = response.readEntity(String.class);
                if (status == 503 && !body.contains("\"CSBS.9998\"")) {
                  nonJson.incrementAndGet();
                }
              } catch (RuntimeException noAnswer) {
                status = 0;
              }
              if (writer && (status == 200 || status == 201)) {
                acknowledged.add(id);
              }
              long ended = System.nanoTime();
              calls.add(new Call(writer, kind, ended - start, ended - began, status));
            }
          });
    }
    Thread.sleep(before.toMillis());
    long cut = System.nanoTime() - start;
    database.cut();
    Thread.sleep(outage.toMillis());
    long restored = System.nanoTime() - start;
    database.restore();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    long recovered = -1;
    while (System.nanoTime() < deadline && recovered < 0) {
      Thread.sleep(500);
      recovered = allOkSince(calls, restored, System.nanoTime() - start - 2_000_000_000L);
    }
    running.set(false);
    pool.shutdown();
    pool.awaitTermination(90, TimeUnit.SECONDS);
    List<String> lost = new ArrayList<>();
    for (String id : List.copyOf(acknowledged)) {
      try (Response found = get(id, member)) {
        if (found.getStatus() != 200) {
          lost.add(id + " (" + found.getStatus() + ")");
        }
      }
    }
    List<Call> during =
        List.copyOf(calls).stream()
            .filter(c -> c.endNanos() > cut && c.endNanos() - c.tookNanos() < restored)
            .toList();
    Call slowest =
        during.stream().max((a, b) -> Long.compare(a.tookNanos(), b.tookNanos())).orElse(null);
    return new Figures(
        millis(firstEnd(during, false, cut)),
        millis(firstEnd(during, true, cut)),
        slowest == null ? 0 : millis(slowest.tookNanos()),
        slowest == null
            ? "none"
            : String.format(
                "a %s that began %d ms after the cut and answered %d",
                slowest.kind(),
                TimeUnit.NANOSECONDS.toMillis(slowest.endNanos() - slowest.tookNanos() - cut),
                slowest.status()),
        recovered < 0 ? -1 : millis(recovered - restored),
        during.size(),
        nonJson.get(),
        acknowledged.size(),
        lost);
  }

  /** The end of the first 2xx after which every call that began after it was 2xx; -1 if none. */
  private static long allOkSince(List<Call> calls, long restored, long until) {
    List<Call> after =
        List.copyOf(calls).stream()
            .filter(c -> c.endNanos() - c.tookNanos() > restored && c.endNanos() < until)
            .sorted((a, b) -> Long.compare(a.endNanos(), b.endNanos()))
            .toList();
    long lastFailure = restored;
    for (Call c : after) {
      if (c.status() < 200 || c.status() > 299) {
        lastFailure = c.endNanos();
      }
    }
    long stableFrom = lastFailure;
    boolean okAfter =
        after.stream().anyMatch(c -> c.endNanos() - c.tookNanos() > stableFrom && c.status() < 300);
    return okAfter && until - stableFrom > 1_000_000_000L ? stableFrom : -1;
  }

  private static long firstEnd(List<Call> during, boolean write, long cut) {
    return during.stream()
        .filter(c -> c.write() == write && c.status() == 503)
        .mapToLong(c -> c.endNanos() - cut)
        .min()
        .orElse(-1_000_000L);
  }

  private static long millis(long nanos) {
    return nanos < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  /** The reads, in the order {@link #read} takes them. */
  private static final String[] READS = {"list", "count", "GET"};

  private Response read(int n, String member) {
    String list = "v1/" + project + "/checkpoint_items";
    return switch (n % 3) {
      case 0 ->
          catalog
              .target(list)
              .queryParam("limit", 5)
              .request()
              .header("X-Auth-Token", member)
              .get();
      case 1 -> catalog.target(list + "/count").request().header("X-Auth-Token", member).get();
      default -> get("load-0", member);
    };
  }

  private Response get(String id, String member) {
    return catalog
        .target("v1/" + project + "/checkpoint_items/" + id)
        .request()
        .header("X-Auth-Token", member)
        .get();
  }

  private Response put(String id, String engine) {
    String body =
        Json.createObjectBuilder()
            .add(
                "checkpoint_item",
                Json.createObjectBuilder()
                    .add("name", "load_" + id)
                    .add("status", "available")
                    .add("resource_id", "server-" + id)
                    .add("resource_type", "OS::Nova::Server")
                    .add("created_at", "2025-03-01T10:00:00"))
            .build()
            .toString();
    return catalog
        .target("v1/" + project + "/checkpoint_items/" + id)
        .request()
        .header("X-Auth-Token", engine)
        .put(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
  }
}
