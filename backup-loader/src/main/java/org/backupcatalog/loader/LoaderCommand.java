package org.backupcatalog.loader;

import java.io.PrintStream;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backupcatalog.persistence.schema.SchemaMigration;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar backup-loader/target/backup-loader.jar --items 1000000 --projects 50 --jdbc-url
 * ...}: migrates the database to the catalog's schema, writes a synthetic catalog into it with a
 * progress display for every phase, and prints a summary. With the service stopped when the
 * database is its embedded Derby (one process at a time).
 */
@Command(
    name = "backup-loader",
    mixinStandardHelpOptions = true,
    version = "backup-loader 1.0",
    sortOptions = false,
    description = {
      "Fills a backup catalog's database (Derby or PostgreSQL) with synthetic checkpoint items:"
          + " a few large tenants and many small ones, all nine statuses, volume backups and"
          + " images. The same options always write the same items."
    })
public final class LoaderCommand implements Callable<Integer> {

  /** The service's default {@code backup.db.user}: on Derby its schema is where it reads. */
  static final String DERBY_USER = "backup";

  private static final String DERBY_LOG_SYNC = "derby.storage.fileSyncTransactionLog";

  @Option(names = "--items", required = true, description = "items to write")
  int items;

  @Option(
      names = "--jdbc-url",
      required = true,
      description = "jdbc:derby:/abs/path/catalog;create=true or jdbc:postgresql://host:5432/db")
  String jdbcUrl;

  @Option(
      names = "--user",
      description = "database user; on Derby it names the schema (default: backup, the service's)")
  String user;

  @Option(names = "--password", description = "database password")
  String password;

  @ArgGroup(exclusive = true)
  Projects projects = new Projects();

  static final class Projects {
    @Option(
        names = "--projects",
        description = "spread over M projects tenant-01.. (default: ${DEFAULT-VALUE})",
        defaultValue = "50")
    int count = 50;

    @Option(
        names = "--project-ids",
        split = ",",
        description = "or over these projects; the first gets the most items")
    List<String> ids;
  }

  @Option(
      names = "--id-prefix",
      description =
          "item ids are this and 8 hex digits (default: ${DEFAULT-VALUE}); a second load into the"
              + " same database needs another prefix",
      defaultValue = BulkLoad.DEFAULT_ID_PREFIX)
  String idPrefix;

  @Option(
      names = "--seed",
      description = "the same seed writes the same items (default: ${DEFAULT-VALUE})",
      defaultValue = "1")
  long seed;

  @Option(
      names = "--end-time",
      description = "items lie in the year before this instant (default: ${DEFAULT-VALUE})",
      defaultValue = "2025-06-30T12:00:00Z")
  String endTime;

  @Option(
      names = "--batch",
      description = "PostgreSQL: items per COPY and commit (default: ${DEFAULT-VALUE})",
      defaultValue = "1000")
  int batch;

  @Option(
      names = "--threads",
      description =
          "PostgreSQL: writers at once, each over its own connection (default: ${DEFAULT-VALUE});"
              + " Derby takes the load in one transaction",
      defaultValue = "2")
  int threads;

  private final PrintStream out;

  LoaderCommand(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new LoaderCommand(System.out)).execute(args));
  }

  /** The load the options describe. */
  BulkLoad load() {
    List<String> ids = projects.ids != null ? projects.ids : tenants(projects.count);
    return BulkLoad.of(items, ids)
        .withIdPrefix(idPrefix)
        .withSeed(seed)
        .endingAt(Instant.parse(endTime))
        .withBatchSize(batch)
        .withThreads(threads);
  }

  /** The database user: on Derby the service's schema unless another is named. */
  String user() {
    return user == null && jdbcUrl.startsWith("jdbc:derby:") ? DERBY_USER : user;
  }

  @Override
  public Integer call() throws SQLException {
    BulkLoad load = load();
    // Derby writes its log through a synchronous file by default, waiting on the disk for every
    // 32 KB of log; syncing once per commit keeps the same durability and waits far less.
    if (System.getProperty(DERBY_LOG_SYNC) == null) {
      System.setProperty(DERBY_LOG_SYNC, "true");
    }
    JdbcUrlDataSource dataSource = new JdbcUrlDataSource(jdbcUrl, user(), password);
    try (ProgressDisplay progress = ProgressDisplay.on(out, load.items())) {
      long started = System.nanoTime();
      progress.step("migrating the schema");
      SchemaMigration.migrate(dataSource);
      double schemaSeconds = seconds(started);
      LoadReport report = load.into(dataSource, progress);
      double derbySeconds = 0;
      if (jdbcUrl.startsWith("jdbc:derby:")) {
        long shutdown = System.nanoTime();
        progress.step("shutting Derby down (checkpoint)");
        shutDownDerby(jdbcUrl);
        derbySeconds = seconds(shutdown);
      }
      progress.done();
      summary(report, schemaSeconds, derbySeconds);
    }
    return 0;
  }

  private void summary(LoadReport report, double schemaSeconds, double shutdownSeconds) {
    double loadSeconds = report.elapsed().toNanos() / 1e9;
    out.printf(
        Locale.ROOT,
        "Loaded %,d items (%,d volume backups, %,d images) into %d projects%n",
        report.items(),
        report.volumeBackups(),
        report.images(),
        report.itemsPerProject().size());
    out.printf(Locale.ROOT, "  schema     %8.1f s%n", schemaSeconds);
    out.printf(
        Locale.ROOT,
        "  load       %8.1f s  %,10.0f items/s%n",
        loadSeconds,
        report.itemsPerSecond());
    if (shutdownSeconds > 0) {
      out.printf(Locale.ROOT, "  shutdown   %8.1f s%n", shutdownSeconds);
    }
    StringBuilder largest = new StringBuilder("  largest projects:");
    report.itemsPerProject().entrySet().stream()
        .limit(5)
        .forEach(e -> largest.append(' ').append(e.getKey()).append('=').append(e.getValue()));
    out.println(largest);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /** tenant-01, tenant-02, ...: zero-padded so that they sort like numbers. */
  static List<String> tenants(int count) {
    int width = Math.max(2, Integer.toString(count).length());
    List<String> ids = new ArrayList<>(count);
    for (int k = 1; k <= count; k++) {
      ids.add("tenant-" + "0".repeat(width - Integer.toString(k).length()) + k);
    }
    return ids;
  }

  /**
   * A clean shutdown writes a checkpoint, so that the next start (the service's) does not replay
   * the whole load from the transaction log.
   */
  private static void shutDownDerby(String url) {
    String database = Arrays.asList(url.substring("jdbc:derby:".length()).split(";", 2)).get(0);
    try {
      DriverManager.getConnection("jdbc:derby:" + database + ";shutdown=true").close();
    } catch (SQLException expected) {
      // Derby reports a successful shutdown of one database as SQLState 08006.
      if (!"08006".equals(expected.getSQLState())) {
        throw new IllegalStateException("Derby did not shut down cleanly", expected);
      }
    }
  }
}
