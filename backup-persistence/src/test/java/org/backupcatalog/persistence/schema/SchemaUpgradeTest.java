package org.backupcatalog.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.backupcatalog.api.BackupData;
import org.backupcatalog.api.BackupStatus;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.api.ExtendInfo;
import org.backupcatalog.api.ImageData;
import org.backupcatalog.api.VolumeBackup;
import org.backupcatalog.domain.item.ItemId;
import org.backupcatalog.domain.item.ProjectId;
import org.backupcatalog.domain.query.ItemFilter;
import org.backupcatalog.domain.query.ListQuery;
import org.backupcatalog.domain.query.PageRequest;
import org.backupcatalog.domain.query.Scope;
import org.backupcatalog.domain.query.SortOrder;
import org.backupcatalog.persistence.item.TestDatabase;
import org.backupcatalog.persistence.item.TransactionalRepository;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

/**
 * A catalog written by the schema of version 2 (volume backups and images in child tables, rows
 * inserted with plain JDBC as the old code and the old loader did) reads back identical after the
 * migration to the current schema, where an item is one row.
 */
abstract class SchemaUpgradeTest {

  /**
   * As a wall clock, a local time that the tests' zone (Pacific/Chatham, see the build) skips: the
   * upgrade and the reads after it must not pass it through the JVM's zone.
   */
  private static final Instant T0 = Instant.parse("2024-09-29T03:15:30.123456Z");

  /** The old code ran in a JVM set to UTC, where JDBC's default calendar was this. */
  private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

  /** A new, empty database of the kind under test. */
  abstract DataSource freshDatabase();

  @Test
  void migratingSaysWhichVersionIsApplied() {
    DataSource dataSource = freshDatabase();
    SchemaMigration.configure(dataSource).target("2").load().migrate();
    MigrationInfo[] known = SchemaMigration.configure(dataSource).load().info().all();
    String latest = known[known.length - 1].getVersion().getVersion();
    assertEquals(latest, SchemaMigration.migrate(dataSource), "after migrating from version 2");
    assertEquals(latest, SchemaMigration.migrate(dataSource), "when nothing was left to migrate");
  }

  @Test
  void aCatalogOfTheOldSchemaReadsBackIdentical() throws SQLException {
    DataSource dataSource = freshDatabase();
    SchemaMigration.configure(dataSource).target("2").load().migrate();
    List<CheckpointItem> expected = oldCatalog();
    try (Connection c = dataSource.getConnection()) {
      for (CheckpointItem item : expected) {
        writeTheOldWay(c, item);
      }
    }
    try (TestDatabase upgraded = TestDatabase.over(dataSource)) {
      TransactionalRepository repository = upgraded.repository();
      for (CheckpointItem item : expected) {
        Scope scope = Scope.of(new ProjectId(item.projectId()));
        assertEquals(
            item, repository.find(scope, new ItemId(item.id())).orElseThrow().item(), item.id());
      }
      SortOrder byId = SortOrder.parse("id:asc");
      List<CheckpointItem> page =
          repository
              .list(
                  new ListQuery(
                      Scope.allTenants(), ItemFilter.NONE, byId, new PageRequest(null, 0, 10)))
              .items();
      assertEquals(
          expected.stream()
              .sorted((a, b) -> a.id().compareTo(b.id()))
              .limit(10)
              .map(CheckpointItem::id)
              .toList(),
          page.stream().map(CheckpointItem::id).toList());
      try (Connection c = dataSource.getConnection()) {
        assertFalse(tableExists(c, "volume_backup"), "volume_backup is dropped");
        assertFalse(tableExists(c, "os_image"), "os_image is dropped");
      }
    }
  }

  /**
   * Items with several volume backups and images (unknown keys, NULLs, positions written out of
   * order), with none, with images only, ids that sort differently by case and punctuation, and
   * more items with lists than one batch of the migration's updates.
   */
  private static List<CheckpointItem> oldCatalog() {
    List<CheckpointItem> items = new ArrayList<>();
    JsonObject vendor = Json.createObjectBuilder().add("vendor_key", 7).build();
    items.add(
        item(
            "a-1",
            "p",
            List.of(
                volume("vb-0", 5L, true, JsonValue.EMPTY_JSON_OBJECT),
                volume("vb-1", null, null, vendor),
                volume("vb-2", 0L, false, JsonValue.EMPTY_JSON_OBJECT)),
            List.of(
                new ImageData("img-0", null),
                new ImageData(null, Json.createObjectBuilder().add("os", "linux").build()))));
    items.add(item("A_1", "p", List.of(), List.of()));
    items.add(item("Z9", "q", List.of(), List.of(new ImageData("img-z", null))));
    items.add(item("_x", "q", List.of(volume("vb-x", 1L, true, vendor)), List.of()));
    for (int k = 0; k < 1100; k++) {
      items.add(
          item(
              String.format(Locale.ROOT, "bulk-%04d", k),
              k % 2 == 0 ? "p" : "q",
              List.of(volume("v" + k, (long) k, k % 3 == 0, JsonValue.EMPTY_JSON_OBJECT)),
              k % 5 == 0 ? List.of(new ImageData("i" + k, null)) : List.of()));
    }
    return items;
  }

  private static VolumeBackup volume(String id, Long speed, Boolean bootable, JsonObject extra) {
    return new VolumeBackup(
        speed,
        bootable,
        id,
        "backup",
        bootable == null ? null : !bootable,
        "name-" + id,
        speed == null ? null : speed * 1024,
        "src-" + id,
        40L,
        speed,
        "available",
        "disk-" + id,
        "snap-" + id,
        extra);
  }

  /** What the old repository read back: unset fields as NULL, lists in position order. */
  private static CheckpointItem item(
      String id, String project, List<VolumeBackup> volumes, List<ImageData> images) {
    ExtendInfo extendInfo =
        new ExtendInfo(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, volumes, null, null, images, null, null, null, null, null);
    BackupData backupData = new BackupData("", "", null, "", null, null, "", "", null);
    return new CheckpointItem(
        id,
        project,
        "backup " + id,
        null,
        BackupStatus.AVAILABLE,
        "res-" + id,
        "OS::Nova::Server",
        "cp-" + id,
        null,
        T0,
        T0.plusSeconds(60),
        null,
        extendInfo,
        backupData);
  }

  /** The rows the version 2 schema held: the item, then each child at its position. */
  private static void writeTheOldWay(Connection c, CheckpointItem item) throws SQLException {
    String revision = "rev-" + item.id();
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO checkpoint_item (id, project_id, revision, name, name_folded, status,"
                + " resource_id, resource_type, checkpoint_id, created_at, updated_at,"
                + " protected_order, has_app_consistency, volume_backup_count, image_count,"
                + " region_name, cloud_service_type, server_image_type, eip, private_ip)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '', '', '')")) {
      insert.setString(1, item.id());
      insert.setString(2, item.projectId());
      insert.setString(3, revision);
      insert.setString(4, item.name());
      insert.setString(5, item.name().toLowerCase(Locale.ROOT));
      insert.setString(6, item.status().wireName());
      insert.setString(7, item.resourceId());
      insert.setString(8, item.resourceType());
      insert.setString(9, item.checkpointId());
      insert.setTimestamp(10, Timestamp.from(item.createdAt()), UTC);
      insert.setTimestamp(11, Timestamp.from(item.updatedAt()), UTC);
      insert.setTimestamp(
          12,
          Timestamp.from(
              LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000).toInstant(ZoneOffset.UTC)),
          UTC);
      insert.setBoolean(13, false);
      insert.setInt(14, item.extendInfo().volumeBackups().size());
      insert.setInt(15, item.extendInfo().osImagesData().size());
      insert.executeUpdate();
    }
    List<VolumeBackup> volumes = item.extendInfo().volumeBackups();
    // Last position first: the migration must follow the positions, not the insertion order.
    for (int k = volumes.size() - 1; k >= 0; k--) {
      VolumeBackup v = volumes.get(k);
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO volume_backup (item_id, position, id, average_speed, bootable,"
                  + " image_type, incremental, name, size_mb, source_volume_id,"
                  + " source_volume_size, space_saving_ratio, status, source_volume_name,"
                  + " snapshot_id, extra, revision)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, item.id());
        insert.setInt(2, k);
        insert.setString(3, v.id());
        number(insert, 4, v.averageSpeed());
        flag(insert, 5, v.bootable());
        insert.setString(6, v.imageType());
        flag(insert, 7, v.incremental());
        insert.setString(8, v.name());
        number(insert, 9, v.size());
        insert.setString(10, v.sourceVolumeId());
        number(insert, 11, v.sourceVolumeSize());
        number(insert, 12, v.spaceSavingRatio());
        insert.setString(13, v.status());
        insert.setString(14, v.sourceVolumeName());
        insert.setString(15, v.snapshotId());
        extra(insert, 16, v.additional());
        insert.setString(17, revision);
        insert.executeUpdate();
      }
    }
    List<ImageData> images = item.extendInfo().osImagesData();
    for (int k = images.size() - 1; k >= 0; k--) {
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO os_image (item_id, position, image_id, extra, revision)"
                  + " VALUES (?, ?, ?, ?, ?)")) {
        insert.setString(1, item.id());
        insert.setInt(2, k);
        insert.setString(3, images.get(k).imageId());
        extra(insert, 4, images.get(k).additional());
        insert.setString(5, revision);
        insert.executeUpdate();
      }
    }
  }

  private static void number(PreparedStatement s, int index, Long value) throws SQLException {
    if (value == null) {
      s.setNull(index, Types.BIGINT);
    } else {
      s.setLong(index, value);
    }
  }

  private static void flag(PreparedStatement s, int index, Boolean value) throws SQLException {
    if (value == null) {
      s.setNull(index, Types.BOOLEAN);
    } else {
      s.setBoolean(index, value);
    }
  }

  /** The old rows kept unknown keys as JSON text, NULL for none. */
  private static void extra(PreparedStatement s, int index, JsonObject extra) throws SQLException {
    s.setString(index, extra.isEmpty() ? null : extra.toString());
  }

  private static boolean tableExists(Connection c, String table) throws SQLException {
    for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
      try (ResultSet tables = c.getMetaData().getTables(null, null, name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
