package org.backupcatalog.persistence.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.backupcatalog.domain.item.ProjectId;

/**
 * Writes a synthetic catalog of {@code items} items over {@code projectIds} straight into the
 * tables, the fastest way each database offers (see {@link #into(DataSource, LongConsumer)}). The
 * same parameters always write the same items (ids, names, times, everything), whatever the number
 * of {@code threads}, so benchmarks and demos are repeatable.
 *
 * <p>Projects get Zipf-like shares ({@link TenantSizes}), the first the largest. Item ids are
 * {@code idPrefix} and eight hex digits: two loads into one database need different prefixes. Times
 * lie in the year before {@code end}. On PostgreSQL, with several threads, each writes whole
 * projects over its own connection.
 */
public record BulkLoad(
    List<String> projectIds,
    int items,
    String idPrefix,
    long seed,
    Instant end,
    int batchSize,
    int threads) {

  public static final String DEFAULT_ID_PREFIX = "bulk-";
  public static final long DEFAULT_SEED = 1;

  /** A fixed end, not the clock: the same seed must give the same catalog on any day. */
  public static final Instant DEFAULT_END = Instant.parse("2025-06-30T12:00:00Z");

  public static final int DEFAULT_BATCH = 1000;

  /** Room for the eight hex digits within the 64 characters of an id. */
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_-]{0,56}");

  public BulkLoad {
    projectIds = List.copyOf(projectIds);
    if (projectIds.isEmpty() || !projectIds.stream().allMatch(ProjectId::isWellFormed)) {
      throw new IllegalArgumentException("need at least one project id of A-Z a-z 0-9 - _");
    }
    if (projectIds.stream().distinct().count() != projectIds.size()) {
      throw new IllegalArgumentException("project ids must differ");
    }
    if (items < 0 || batchSize < 1 || threads < 1) {
      throw new IllegalArgumentException("need items >= 0, batchSize >= 1 and threads >= 1");
    }
    if (!PREFIX.matcher(idPrefix).matches()) {
      throw new IllegalArgumentException("idPrefix must be 0 to 56 characters of A-Z a-z 0-9 - _");
    }
  }

  public static BulkLoad of(int items, List<String> projectIds) {
    return new BulkLoad(
        projectIds, items, DEFAULT_ID_PREFIX, DEFAULT_SEED, DEFAULT_END, DEFAULT_BATCH, 1);
  }

  public BulkLoad withIdPrefix(String prefix) {
    return new BulkLoad(projectIds, items, prefix, seed, end, batchSize, threads);
  }

  public BulkLoad withSeed(long newSeed) {
    return new BulkLoad(projectIds, items, idPrefix, newSeed, end, batchSize, threads);
  }

  public BulkLoad endingAt(Instant newEnd) {
    return new BulkLoad(projectIds, items, idPrefix, seed, newEnd, batchSize, threads);
  }

  public BulkLoad withBatchSize(int newBatchSize) {
    return new BulkLoad(projectIds, items, idPrefix, seed, end, newBatchSize, threads);
  }

  /**
   * Writers working at once on PostgreSQL, each over its own connection; no more than there are
   * projects. Derby takes the load in one statement per table.
   */
  public BulkLoad withThreads(int newThreads) {
    return new BulkLoad(projectIds, items, idPrefix, seed, end, batchSize, newThreads);
  }

  /** How many items each project will get, in the order given. */
  public Map<String, Integer> itemsPerProject() {
    int[] counts = TenantSizes.of(items, projectIds.size());
    Map<String, Integer> plan = new LinkedHashMap<>();
    for (int k = 0; k < counts.length; k++) {
      plan.put(projectIds.get(k), counts[k]);
    }
    return plan;
  }

  public LoadReport into(DataSource dataSource) throws SQLException {
    return into(dataSource, written -> {});
  }

  /**
   * Loads the items. {@code progress} hears the running total of items written. On PostgreSQL the
   * items go by {@code COPY} in transactions of {@code batchSize} items, from {@code threads}
   * writers at once: a failure rolls back the failing writer's current batch and stops the others
   * after theirs, and the batches committed before stay. On Derby the whole load is one
   * transaction, bulk-inserted when the tables are empty ({@link DerbyBulkInsert}): all or nothing.
   */
  public LoadReport into(DataSource dataSource, LongConsumer progress) throws SQLException {
    long start = System.nanoTime();
    AtomicLong total = new AtomicLong();
    LongConsumer written = items -> progress.accept(total.addAndGet(items));
    String product = product(dataSource);
    RowCounts rows =
        switch (product) {
          case "Apache Derby" ->
              new DerbyBulkInsert(dataSource).write(SyntheticCatalog.of(this), progress);
          case "PostgreSQL" -> copy(dataSource, written);
          default ->
              throw new SQLException(
                  "bulk loading writes into Derby or PostgreSQL, not " + product);
        };
    return new LoadReport(
        rows.items(),
        rows.volumeBackups(),
        rows.images(),
        itemsPerProject(),
        Duration.ofNanos(System.nanoTime() - start));
  }

  private static String product(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName();
    }
  }

  private RowCounts copy(DataSource dataSource, LongConsumer committed) throws SQLException {
    int[] counts = TenantSizes.of(items, projectIds.size());
    PostgresCopy writer = new PostgresCopy(dataSource, batchSize, new AtomicBoolean());
    List<List<Integer>> shares = shares(counts, threads);
    if (shares.size() == 1) {
      return writer.write(new SyntheticCatalog(this, counts, shares.get(0)), committed);
    }
    ExecutorService pool = Executors.newFixedThreadPool(shares.size());
    try {
      List<Future<RowCounts>> running = new ArrayList<>();
      for (List<Integer> share : shares) {
        SyntheticCatalog catalog = new SyntheticCatalog(this, counts, share);
        running.add(pool.submit(() -> writer.write(catalog, committed)));
      }
      RowCounts sum = new RowCounts(0, 0, 0);
      for (Future<RowCounts> f : running) {
        sum = sum.plus(f.get());
      }
      return sum;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new IllegalStateException("a load writer failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Deals the projects out to at most {@code threads} writers, largest first to the least loaded,
   * so that one huge tenant does not leave the other writers idle for long.
   */
  static List<List<Integer>> shares(int[] counts, int threads) {
    int writers = Math.min(threads, counts.length);
    List<List<Integer>> shares = new ArrayList<>();
    long[] load = new long[writers];
    for (int w = 0; w < writers; w++) {
      shares.add(new ArrayList<>());
    }
    // counts are non-increasing, so project order is largest first
    for (int project = 0; project < counts.length; project++) {
      int least = 0;
      for (int w = 1; w < writers; w++) {
        least = load[w] < load[least] ? w : least;
      }
      shares.get(least).add(project);
      load[least] += counts[project];
    }
    return shares;
  }
}
