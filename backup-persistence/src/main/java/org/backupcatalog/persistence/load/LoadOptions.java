package org.backupcatalog.persistence.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The command line of {@link BulkLoadCommand}. */
record LoadOptions(BulkLoad load, String jdbcUrl, String user, String password) {

  /** The service's default {@code backup.db.user}: on Derby its schema is where it reads. */
  static final String DERBY_USER = "backup";

  static final String USAGE =
      String.join(
          "\n",
          "usage: BulkLoadCommand --items N --jdbc-url URL [options]",
          "  --items N             items to write (required)",
          "  --jdbc-url URL        jdbc:derby:/abs/path;create=true or"
              + " jdbc:postgresql://host:5432/db (required)",
          "  --user U --password P database credentials; on Derby the user names the schema"
              + " (default "
              + DERBY_USER
              + ", the service's)",
          "  --projects M          spread over M projects tenant-01.. (default 50),",
          "  --project-ids a,b,c   or over these projects; the first gets the most items",
          "  --id-prefix P         item ids are P + 8 hex digits (default "
              + BulkLoad.DEFAULT_ID_PREFIX
              + ");",
          "                        a second load into the same database needs another prefix",
          "  --seed S              the same seed writes the same items (default 1)",
          "  --end-time T          items lie in the year before T (default "
              + BulkLoad.DEFAULT_END
              + ")",
          "  --batch B             PostgreSQL: items per COPY and commit (default 1000)",
          "  --threads T           PostgreSQL: writers at once, each over its own connection"
              + " (default 2);",
          "                        Derby takes the whole load in one transaction");

  private static final Set<String> NAMES =
      Set.of(
          "--items",
          "--jdbc-url",
          "--user",
          "--password",
          "--projects",
          "--project-ids",
          "--id-prefix",
          "--seed",
          "--end-time",
          "--batch",
          "--threads");

  static LoadOptions parse(String... args) {
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!NAMES.contains(args[i]) || i + 1 == args.length) {
        throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
      }
      if (given.put(args[i], args[i + 1]) != null) {
        throw new IllegalArgumentException(args[i] + " is given twice");
      }
    }
    String url = required(given, "--jdbc-url");
    int items = Integer.parseInt(required(given, "--items"));
    BulkLoad load =
        BulkLoad.of(items, projects(given))
            .withIdPrefix(given.getOrDefault("--id-prefix", BulkLoad.DEFAULT_ID_PREFIX))
            .withSeed(Long.parseLong(given.getOrDefault("--seed", "1")))
            .endingAt(
                Instant.parse(given.getOrDefault("--end-time", BulkLoad.DEFAULT_END.toString())))
            .withBatchSize(Integer.parseInt(given.getOrDefault("--batch", "1000")))
            .withThreads(Integer.parseInt(given.getOrDefault("--threads", "2")));
    String user = given.getOrDefault("--user", url.startsWith("jdbc:derby:") ? DERBY_USER : null);
    return new LoadOptions(load, url, user, given.get("--password"));
  }

  private static List<String> projects(Map<String, String> given) {
    if (given.containsKey("--project-ids")) {
      if (given.containsKey("--projects")) {
        throw new IllegalArgumentException("give --projects or --project-ids, not both");
      }
      return Arrays.asList(given.get("--project-ids").split(","));
    }
    return tenants(Integer.parseInt(given.getOrDefault("--projects", "50")));
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

  private static String required(Map<String, String> given, String name) {
    String value = given.get(name);
    if (value == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }
}
