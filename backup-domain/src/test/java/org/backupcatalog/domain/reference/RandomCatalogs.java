package org.backupcatalog.domain.reference;

import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.backupcatalog.api.BackupData;
import org.backupcatalog.api.BackupStatus;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.api.ExtendInfo;
import org.backupcatalog.api.ImageData;
import org.backupcatalog.api.Timestamps;
import org.backupcatalog.api.VolumeBackup;

/**
 * Random catalogs and random query strings for the property tests. Values come from small pools so
 * that ties, NULLs and awkward names (wildcards, backslashes, umlauts, characters beyond U+FFFF)
 * are the rule rather than the exception.
 */
public final class RandomCatalogs {

  public static final List<String> PROJECTS = List.of("p-alpha", "p_beta", "pGamma");
  static final List<String> NAMES =
      List.of(
          "autobk_a1",
          "AUTOBK_A1",
          "manualbk_%",
          "manualbk_x",
          "50%_done",
          "back\\slash",
          "b_c",
          "Sicherung_Ä",
          "sicherung_ä",
          "émoji😀",
          "émoji",
          "Ｚfull",
          "zeta",
          "z");
  static final List<String> NEEDLES =
      List.of("a", "A1", "%", "_", "\\", "ä", "Ä", "😀", "bk_", "k_%", "zz", "ｚ", "E", "É");
  static final List<String> RESOURCE_NAMES = List.of("web-01", "DB_01", "db%", "Straße", "ẞig");
  static final List<String> ZONES = List.of("az1.dc1", "az2.dc1");
  static final List<String> RESOURCES = List.of("r-1", "r-2", "r-3");
  static final List<String> POLICIES = List.of("pol-1", "pol-2");
  static final List<String> IMAGE_TYPES = List.of("backup", "replication");
  static final List<String> IPS = List.of("10.0.0.1", "10.0.0.2", "192.0.2.7");
  static final Instant BASE = Instant.parse("2024-03-01T10:00:00Z");

  private RandomCatalogs() {}

  /** Catalogs of up to {@code maxSize} items with unique ids, spread over {@link #PROJECTS}. */
  public static Arbitrary<List<CheckpointItem>> catalogs(int maxSize) {
    return catalogs(0, maxSize);
  }

  public static Arbitrary<List<CheckpointItem>> catalogs(int minSize, int maxSize) {
    return items().list().ofMinSize(minSize).ofMaxSize(maxSize).map(RandomCatalogs::withUniqueIds);
  }

  private static List<CheckpointItem> withUniqueIds(List<CheckpointItem> items) {
    return IntStream.range(0, items.size())
        .mapToObj(k -> items.get(k).withId(items.get(k).id() + "-" + k))
        .toList();
  }

  public static Arbitrary<CheckpointItem> items() {
    Arbitrary<String> ids = Arbitraries.strings().withChars("aZ9-_").ofMinLength(1).ofMaxLength(3);
    Arbitrary<String> project = Arbitraries.of(PROJECTS);
    Arbitrary<String> name = Arbitraries.of(NAMES);
    Arbitrary<BackupStatus> status = Arbitraries.of(BackupStatus.class);
    Arbitrary<Instant> created = times();
    Arbitrary<Instant> updated = times();
    Arbitrary<Instant> protectedAt = times().injectNull(0.4);
    Arbitrary<ExtendInfo> extendInfo = extendInfos();
    Arbitrary<BackupData> backupData =
        Arbitraries.of(IPS)
            .injectNull(0.3)
            .list()
            .ofSize(2)
            .map(
                ips ->
                    new BackupData(
                        "",
                        "",
                        40L,
                        "gold",
                        4096L,
                        2L,
                        ips.get(0) == null ? "" : ips.get(0),
                        ips.get(1) == null ? "" : ips.get(1),
                        JsonValue.EMPTY_JSON_OBJECT));
    Arbitrary<List<String>> refs = Arbitraries.of(RESOURCES).list().ofSize(3);
    Arbitrary<String> policy = Arbitraries.of(POLICIES).injectNull(0.3);
    return Combinators.combine(
            ids, project, name, status, created, updated, protectedAt, extendInfo)
        .flatAs(
            (i, p, n, s, c, u, pr, e) ->
                Combinators.combine(backupData, refs, policy)
                    .as(
                        (b, r, pol) ->
                            new CheckpointItem(
                                i,
                                p,
                                n,
                                null,
                                s,
                                r.get(0),
                                r.get(1).equals("r-1") ? "OS::Nova::Server" : "OS::Cinder::Volume",
                                r.get(2),
                                pol,
                                c,
                                u,
                                pr,
                                e,
                                b)));
  }

  private static Arbitrary<Instant> times() {
    // Few distinct values, so that equal sort keys are common and the tie-breakers matter.
    return Arbitraries.of(0L, 1L, 2L, 3600_000_000L, 3600_000_001L, 86_400_000_000L)
        .map(micros -> BASE.plus(micros, ChronoUnit.MICROS));
  }

  private static Arbitrary<ExtendInfo> extendInfos() {
    Arbitrary<String> resourceName = Arbitraries.of(RESOURCE_NAMES).injectNull(0.2);
    Arbitrary<String> zone = Arbitraries.of(ZONES).injectNull(0.2);
    Arbitrary<String> imageType = Arbitraries.of(IMAGE_TYPES).injectNull(0.2);
    Arbitrary<Integer> volumes = Arbitraries.integers().between(0, 3);
    return Combinators.combine(resourceName, zone, imageType, volumes)
        .as(
            (rn, z, it, v) ->
                new ExtendInfo(
                    false,
                    0L,
                    "",
                    "na",
                    null,
                    "",
                    "",
                    it,
                    false,
                    100L,
                    z,
                    rn,
                    "OS::Nova::Server",
                    10L,
                    0L,
                    volumeBackups(v),
                    BASE,
                    "backup",
                    List.of(new ImageData("img-" + v, JsonValue.EMPTY_JSON_OBJECT)),
                    false,
                    null,
                    "task-" + v,
                    "QEMU",
                    JsonValue.EMPTY_JSON_OBJECT));
  }

  private static List<VolumeBackup> volumeBackups(int count) {
    List<VolumeBackup> volumes = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      volumes.add(
          new VolumeBackup(
              0L,
              k == 0,
              "vb-" + k,
              "backup",
              false,
              "manualbk_" + k,
              (long) k,
              "vol-" + k,
              20L,
              0L,
              "available",
              "disk-" + k,
              null,
              JsonValue.EMPTY_JSON_OBJECT));
    }
    return volumes;
  }

  /**
   * Query strings as a client sends them (decoded): a random subset of the filters, a random sort,
   * small limits and offsets. The marker is left to the caller, which knows the catalog's ids.
   */
  public static Arbitrary<Map<String, List<String>>> queries() {
    Arbitrary<List<String>> statuses =
        Arbitraries.of(BackupStatus.class).map(BackupStatus::wireName).list().ofMaxSize(3);
    Arbitrary<String> sort = sorts();
    Arbitrary<Integer> limit = Arbitraries.integers().between(1, 7);
    Arbitrary<Integer> offset = Arbitraries.integers().between(0, 3).injectNull(0.7);
    Arbitrary<String> name = Arbitraries.of(NEEDLES).injectNull(0.6);
    Arbitrary<String> resourceName = Arbitraries.of("WEB", "db%", "ss", "ß").injectNull(0.8);
    Arbitrary<String> exact =
        Arbitraries.of(
                "az",
                "resource_id",
                "policy_id",
                "image_type",
                "ip",
                "resource_type",
                "checkpoint_id")
            .injectNull(0.6);
    Arbitrary<Integer> window = Arbitraries.integers().between(0, 3).injectNull(0.7);
    return Combinators.combine(statuses, sort, limit, offset, name, resourceName, exact, window)
        .as(
            (st, so, l, o, n, rn, ex, w) -> {
              Map<String, List<String>> q = new LinkedHashMap<>();
              if (!st.isEmpty()) {
                q.put("status", st);
              }
              put(q, "sort", so);
              put(q, "limit", String.valueOf(l));
              put(q, "offset", o == null ? null : String.valueOf(o));
              put(q, "name", n);
              put(q, "resource_name", rn);
              if (ex != null) {
                put(q, ex, exactValue(ex, l));
              }
              if (w != null) {
                put(q, "start_time", Timestamps.format(BASE.plus(w, ChronoUnit.MICROS)));
                put(q, "end_time", Timestamps.format(BASE.plus(3600_000_001L, ChronoUnit.MICROS)));
              }
              return q;
            });
  }

  private static String exactValue(String parameter, int pick) {
    List<String> pool =
        switch (parameter) {
          case "az" -> ZONES;
          case "resource_id", "checkpoint_id" -> RESOURCES;
          case "policy_id" -> POLICIES;
          case "image_type" -> IMAGE_TYPES;
          case "ip" -> IPS;
          default -> List.of("OS::Nova::Server", "OS::Cinder::Volume");
        };
    return pool.get(pick % pool.size());
  }

  private static Arbitrary<String> sorts() {
    Arbitrary<String> term =
        Arbitraries.of("created_at", "updated_at", "name", "status", "protected_at", "id")
            .flatMap(k -> Arbitraries.of(k, k + ":asc", k + ":desc"));
    return term.list()
        .ofMaxSize(3)
        .uniqueElements(t -> t.split(":")[0])
        .map(terms -> String.join(",", terms))
        .injectNull(0.2);
  }

  private static void put(Map<String, List<String>> q, String name, String value) {
    if (value != null && !value.isEmpty()) {
      q.put(name, List.of(value));
    }
  }
}
