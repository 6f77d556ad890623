package org.backupcatalog.persistence.schema;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.backupcatalog.api.ImageData;
import org.backupcatalog.api.ItemListsJson;
import org.backupcatalog.api.VolumeBackup;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Version 3: an item is one row. Its volume backups and images leave their child tables for one
 * JSON text column of the item ({@link ItemListsJson}), with the revision and child counts that
 * guarded a reader against meeting two writes across those tables. Written in Java because Derby
 * has no JSON functions: both tables are read once in item order, merged, and each item with any
 * child row gets its lists in one batched update.
 */
final class ItemsHoldTheirLists implements JavaMigration {

  private static final int BATCH = 500;

  private static final String VOLUMES =
      "SELECT item_id, average_speed, bootable, id, image_type, incremental, name, size_mb,"
          + " source_volume_id, source_volume_size, space_saving_ratio, status,"
          + " source_volume_name, snapshot_id, extra FROM volume_backup ORDER BY item_id, position";

  private static final String IMAGES =
      "SELECT item_id, image_id, extra FROM os_image ORDER BY item_id, position";

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("3");
  }

  @Override
  public String getDescription() {
    return "items hold their lists";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    String jsonText = context.getConfiguration().getPlaceholders().get("json_text");
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("ALTER TABLE checkpoint_item ADD COLUMN item_lists " + jsonText);
      moveLists(connection);
      ddl.execute("DROP TABLE os_image");
      ddl.execute("DROP TABLE volume_backup");
      ddl.execute("ALTER TABLE checkpoint_item DROP COLUMN volume_backup_count");
      ddl.execute("ALTER TABLE checkpoint_item DROP COLUMN image_count");
    }
  }

  private static void moveLists(Connection connection) throws SQLException {
    try (Rows volumes = new Rows(connection, VOLUMES);
        Rows images = new Rows(connection, IMAGES);
        PreparedStatement update =
            connection.prepareStatement("UPDATE checkpoint_item SET item_lists = ? WHERE id = ?")) {
      int pending = 0;
      while (volumes.item != null || images.item != null) {
        String item = first(volumes.item, images.item);
        List<VolumeBackup> v = new ArrayList<>();
        while (item.equals(volumes.item)) {
          v.add(volumeBackup(volumes.rows));
          volumes.advance();
        }
        List<ImageData> i = new ArrayList<>();
        while (item.equals(images.item)) {
          i.add(new ImageData(images.rows.getString("image_id"), json(images.rows, "extra")));
          images.advance();
        }
        update.setString(1, ItemListsJson.write(v, i));
        update.setString(2, item);
        update.addBatch();
        if (++pending == BATCH) {
          update.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        update.executeBatch();
      }
    }
  }

  /** Both queries order by item id, which is ASCII ({@code ItemId}): any collation agrees. */
  private static String first(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) <= 0 ? a : b;
  }

  private static VolumeBackup volumeBackup(ResultSet r) throws SQLException {
    return new VolumeBackup(
        number(r, "average_speed"),
        flag(r, "bootable"),
        r.getString("id"),
        r.getString("image_type"),
        flag(r, "incremental"),
        r.getString("name"),
        number(r, "size_mb"),
        r.getString("source_volume_id"),
        number(r, "source_volume_size"),
        number(r, "space_saving_ratio"),
        r.getString("status"),
        r.getString("source_volume_name"),
        r.getString("snapshot_id"),
        json(r, "extra"));
  }

  private static Long number(ResultSet r, String column) throws SQLException {
    long value = r.getLong(column);
    return r.wasNull() ? null : value;
  }

  private static Boolean flag(ResultSet r, String column) throws SQLException {
    boolean value = r.getBoolean(column);
    return r.wasNull() ? null : value;
  }

  /** The unknown keys, stored as text by the old rows; NULL meant none. */
  private static JsonObject json(ResultSet r, String column) throws SQLException {
    String text = r.getString(column);
    if (text == null) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  /** A query's rows in item order, positioned on the next unread row ({@code item} null at end). */
  private static final class Rows implements AutoCloseable {

    private final Statement statement;
    final ResultSet rows;
    String item;

    Rows(Connection connection, String sql) throws SQLException {
      statement = connection.createStatement();
      // Streamed, not held whole: PostgreSQL fetches in chunks inside the migration's transaction.
      statement.setFetchSize(1000);
      rows = statement.executeQuery(sql);
      advance();
    }

    void advance() throws SQLException {
      item = rows.next() ? rows.getString("item_id") : null;
    }

    @Override
    public void close() throws SQLException {
      statement.close();
    }
  }
}
