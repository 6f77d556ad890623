package org.backupcatalog.persistence.load;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.LongConsumer;
import org.backupcatalog.persistence.schema.SchemaMigration;

/**
 * Loads a synthetic catalog from the command line: migrates the database, writes the items, prints
 * the rate. Runs from the WAR's libraries alone, e.g.
 *
 * <pre>
 * java -cp "backup-web/target/backup/WEB-INF/lib/*" \
 *   org.backupcatalog.persistence.load.BulkLoadCommand \
 *   --items 1000000 --projects 50 --jdbc-url "jdbc:derby:/tmp/catalog;create=true"
 * </pre>
 *
 * On Derby the items go to the schema of {@code --user}, by default the service's ({@code backup}).
 */
public final class BulkLoadCommand {

  private static final String DERBY_LOG_SYNC = "derby.storage.fileSyncTransactionLog";

  private BulkLoadCommand() {}

  public static void main(String[] args) throws SQLException {
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(LoadOptions.USAGE);
      System.exit(2);
      return;
    }
    // Derby writes its log through a synchronous file by default, waiting on the disk for every
    // 32 KB of log; syncing once per commit keeps the same durability and waits far less.
    if (System.getProperty(DERBY_LOG_SYNC) == null) {
      System.setProperty(DERBY_LOG_SYNC, "true");
    }
    String url = options.jdbcUrl();
    JdbcUrlDataSource dataSource = new JdbcUrlDataSource(url, options.user(), options.password());
    long started = System.nanoTime();
    SchemaMigration.migrate(dataSource);
    System.out.printf(Locale.ROOT, "Schema ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
    BulkLoad load = options.load();
    LoadReport report = load.into(dataSource, new Progress(load.items()));
    print(report);
    if (url.startsWith("jdbc:derby:")) {
      shutDownDerby(url);
    }
  }

  /** Prints a line each time another tenth of the items is committed. */
  private static final class Progress implements LongConsumer {

    private final long tenth;
    private final long start = System.nanoTime();
    private long printed;

    Progress(long items) {
      tenth = Math.max(1, items / 10);
    }

    @Override
    public synchronized void accept(long written) {
      if (written / tenth > printed / tenth) {
        printed = written;
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "%,12d items  %6.1f s  %,8.0f items/s%n",
            written,
            seconds,
            written / seconds);
      }
    }
  }

  private static void print(LoadReport report) {
    System.out.printf(
        Locale.ROOT,
        "Loaded %,d items (%,d volume backups, %,d images) into %d projects in %.1f s:"
            + " %,.0f items/s%n",
        report.items(),
        report.volumeBackups(),
        report.images(),
        report.itemsPerProject().size(),
        report.elapsed().toNanos() / 1e9,
        report.itemsPerSecond());
    StringBuilder largest = new StringBuilder("Largest projects:");
    report.itemsPerProject().entrySet().stream()
        .limit(5)
        .forEach(e -> largest.append(' ').append(e.getKey()).append('=').append(e.getValue()));
    System.out.println(largest);
  }

  /**
   * A clean shutdown writes a checkpoint, so that the next start (the service's) does not replay
   * the whole load from the transaction log.
   */
  private static void shutDownDerby(String url) {
    String database = url.substring("jdbc:derby:".length()).split(";", 2)[0];
    long started = System.nanoTime();
    try {
      DriverManager.getConnection("jdbc:derby:" + database + ";shutdown=true").close();
    } catch (SQLException expected) {
      // Derby reports a successful shutdown of one database as SQLState 08006.
      if (!"08006".equals(expected.getSQLState())) {
        System.err.println("Derby did not shut down cleanly: " + expected.getMessage());
      }
    }
    System.out.printf(
        Locale.ROOT, "Derby shut down in %.1f s%n", (System.nanoTime() - started) / 1e9);
  }
}
