package org.backupcatalog.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The generator alone, without a database. */
class SyntheticCatalogTest {

  @Test
  void theSameSeedGivesTheSameCatalogAndAnotherSeedAnother() {
    BulkLoad load = BulkLoad.of(2_000, List.of("a", "b", "c"));
    assertEquals(ExpectedItems.of(load), ExpectedItems.of(load));
    assertNotEquals(ExpectedItems.of(load), ExpectedItems.of(load.withSeed(2)));
  }

  @Test
  void idsAreUniqueAndCarryThePrefix() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 1 << 18; i++) {
      ids.add(SyntheticCatalog.itemId("x-", i));
    }
    assertEquals(1 << 18, ids.size());
    assertTrue(ids.stream().allMatch(id -> id.matches("x-[0-9a-f]{8}")));
  }

  @Test
  void tenantSizesAreExactSkewedAndLeaveNoProjectEmpty() {
    int[] counts = TenantSizes.of(1_000_000, 50);
    assertEquals(1_000_000, Arrays.stream(counts).sum());
    for (int k = 1; k < counts.length; k++) {
      assertTrue(counts[k] <= counts[k - 1], "non-increasing at " + k);
    }
    assertTrue(counts[0] > 100 * counts[49] / 10, Arrays.toString(counts));
    assertTrue(Arrays.stream(TenantSizes.of(5, 5)).allMatch(c -> c == 1));
    assertEquals(3, Arrays.stream(TenantSizes.of(3, 10)).sum());
  }

  @Test
  void writersShareTheProjectsEvenly() {
    int[] counts = TenantSizes.of(1_000_000, 50);
    List<List<Integer>> shares = BulkLoad.shares(counts, 2);
    long first = shares.get(0).stream().mapToLong(k -> counts[k]).sum();
    assertEquals(50, shares.get(0).size() + shares.get(1).size());
    assertTrue(Math.abs(first - 500_000) < 10_000, "first writer gets " + first);
    assertEquals(List.of(List.of(0, 1, 2)), BulkLoad.shares(new int[] {3, 2, 1}, 1));
    assertEquals(3, BulkLoad.shares(new int[] {3, 2, 1}, 8).size());
  }

  @Test
  void refusesWhatCannotBecomeValidItems() {
    assertThrows(IllegalArgumentException.class, () -> BulkLoad.of(1, List.of()));
    assertThrows(IllegalArgumentException.class, () -> BulkLoad.of(1, List.of("a b")));
    assertThrows(IllegalArgumentException.class, () -> BulkLoad.of(1, List.of("a", "a")));
    assertThrows(
        IllegalArgumentException.class,
        () -> BulkLoad.of(1, List.of("a")).withIdPrefix("x".repeat(57)));
  }

  @Test
  void commandLineNamesProjectsAndLoadsDerbyWhereTheServiceReads() {
    LoaderCommand options = parse("--items", "10", "--projects", "3", "--jdbc-url", "jdbc:derby:x");
    assertEquals(List.of("tenant-01", "tenant-02", "tenant-03"), options.load().projectIds());
    assertEquals(
        List.of("a", "b"),
        parse("--items", "1", "--project-ids", "a,b", "--jdbc-url", "u").load().projectIds());
    assertThrows(ParameterException.class, () -> parse("--items", "1"));
    assertThrows(
        ParameterException.class,
        () -> parse("--items", "1", "--jdbc-url", "u", "--projects", "2", "--project-ids", "a"));
    assertEquals("backup", options.user());
    assertEquals(
        "app", parse("--items", "1", "--jdbc-url", "jdbc:derby:x", "--user", "app").user());
    assertEquals(null, parse("--items", "1", "--jdbc-url", "jdbc:postgresql://h/db").user());
  }

  /** The whole command on an in-memory Derby: every phase shown, then the summary. */
  @Test
  void theCommandShowsEachPhaseAndSumsUp() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int exit =
        new CommandLine(new LoaderCommand(out))
            .execute(
                "--items",
                "500",
                "--projects",
                "4",
                "--jdbc-url",
                "jdbc:derby:memory:command-" + System.nanoTime() + ";create=true");
    String shown = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, shown);
    for (String phase :
        List.of(
            "migrating the schema",
            "writing items",
            "building indexes",
            "committing",
            "shutting Derby down",
            "Loaded 500 items (")) {
      assertTrue(shown.contains(phase), phase + " in:\n" + shown);
    }
    assertTrue(shown.contains("500/500 items (100%)"), shown);
  }

  private static LoaderCommand parse(String... args) {
    LoaderCommand command = new LoaderCommand(System.out);
    new CommandLine(command).parseArgs(args);
    return command;
  }
}
