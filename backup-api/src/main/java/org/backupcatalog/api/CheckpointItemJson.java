package org.backupcatalog.api;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads and writes one checkpoint item (the object inside {@code checkpoint_item} or each element
 * of {@code checkpoint_items}); envelopes are the web layer's. No defaults are applied here: the
 * domain does that, so that this codec shows exactly what is stored.
 */
public final class CheckpointItemJson {

  private static final String ID = "id";
  private static final String NAME = "name";
  private static final String DESCRIPTION = "description";
  private static final String STATUS = "status";
  private static final String RESOURCE_ID = "resource_id";
  private static final String RESOURCE_TYPE = "resource_type";
  private static final String CHECKPOINT_ID = "checkpoint_id";
  private static final String POLICY_ID = "policy_id";
  private static final String CREATED_AT = "created_at";
  private static final String UPDATED_AT = "updated_at";
  private static final String PROTECTED_AT = "protected_at";
  private static final String PROJECT_ID = "project_id";
  private static final String EXTEND_INFO = "extend_info";
  private static final String BACKUP_DATA = "backup_data";

  private static final String STATUS_PROBLEM =
      Arrays.stream(BackupStatus.values())
          .map(BackupStatus::wireName)
          .collect(Collectors.joining(", ", "must be one of ", ""));

  private CheckpointItemJson() {}

  /**
   * Writes every field of the contract in a fixed order, unset ones as JSON null ({@code []} for
   * lists, {@code {}} for {@code fail_code} and {@code app_consistency}); {@code project_id} only
   * when asked (under {@code all_tenants}).
   *
   * @throws IllegalArgumentException if a time lies outside years 0000-9999
   */
  public static JsonObject write(CheckpointItem item, boolean withProjectId) {
    Objects.requireNonNull(item, "item");
    return FieldWriter.object(item, (out, i) -> write(out, i, withProjectId));
  }

  /**
   * A generator for {@link #write(JsonGenerator, CheckpointItem, boolean)} that writes to {@code
   * out}, in UTF-8, exactly the text that {@link #write(CheckpointItem, boolean)}'s JSON-P tree
   * writes. Flushing it flushes {@code out}; closing it leaves {@code out} open.
   */
  public static JsonGenerator createGenerator(OutputStream out) {
    // Straight to UTF-8 bytes: through an OutputStreamWriter, encoding a page cost a sixth of its
    // CPU. The codec hands this generator no unpaired surrogate (JsonValues.encodable), which an
    // encoding Writer turned into '?' and Jackson's own encoder would refuse half-way. Its output
    // buffer holds a large part of a page (JsonValues.PageBuffers).
    try {
      return JsonValues.GENERATORS.createGenerator(out, JsonEncoding.UTF8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the item as {@link #write(CheckpointItem, boolean)} does, as the next value of {@code
   * generator} (an array element), without building it first: a list page's items go straight to
   * the response. Volume backups and images read by {@link ItemListsJson#stored} are copied from
   * their stored text, not parsed and encoded again.
   *
   * @param generator one made by {@link #createGenerator}, so that the text is the tree's
   * @throws IllegalArgumentException if a time lies outside years 0000-9999, before anything of the
   *     item is written
   * @throws UncheckedIOException if the generator cannot write
   */
  public static void write(JsonGenerator generator, CheckpointItem item, boolean withProjectId) {
    Objects.requireNonNull(item, "item");
    checkTimes(item);
    try {
      generator.writeStartObject();
      write(FieldWriter.streamed(generator), item, withProjectId);
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(FieldWriter out, CheckpointItem item, boolean withProjectId) {
    out.string(ID, item.id())
        .string(NAME, item.name())
        .string(DESCRIPTION, item.description())
        .string(STATUS, item.status() == null ? null : item.status().wireName())
        .string(RESOURCE_ID, item.resourceId())
        .string(RESOURCE_TYPE, item.resourceType())
        .string(CHECKPOINT_ID, item.checkpointId())
        .string(POLICY_ID, item.policyId())
        .time(CREATED_AT, item.createdAt())
        .time(UPDATED_AT, item.updatedAt())
        .time(PROTECTED_AT, item.protectedAt());
    if (withProjectId) {
      out.string(PROJECT_ID, item.projectId());
    }
    out.object(EXTEND_INFO, item.extendInfo(), ExtendInfoJson::write)
        .object(BACKUP_DATA, item.backupData(), BackupDataJson::write);
  }

  /** The times that {@link Timestamps#format} refuses, found before a generator is half-way. */
  private static void checkTimes(CheckpointItem item) {
    for (Instant time :
        new Instant[] {
          item.createdAt(),
          item.updatedAt(),
          item.protectedAt(),
          item.extendInfo() == null ? null : item.extendInfo().finishedAt()
        }) {
      if (time != null) {
        Timestamps.requireWritable(time);
      }
    }
  }

  /**
   * Reads an item strictly: wrong types are refused, naming the field by its JSON path; absent and
   * null mean unset. Unknown top-level keys and {@code project_id} are ignored (the path decides
   * the project); unknown keys inside {@code extend_info}, {@code backup_data}, volume backups and
   * images are kept in their {@code additional}.
   *
   * @throws InvalidFieldException naming the first offending field
   */
  public static CheckpointItem read(JsonObject itemObject) {
    Objects.requireNonNull(itemObject, "itemObject");
    FieldReader in = FieldReader.root(itemObject);
    return new CheckpointItem(
        in.string(ID),
        null,
        in.string(NAME),
        in.string(DESCRIPTION),
        status(in),
        in.string(RESOURCE_ID),
        in.string(RESOURCE_TYPE),
        in.string(CHECKPOINT_ID),
        in.string(POLICY_ID),
        in.time(CREATED_AT),
        in.time(UPDATED_AT),
        in.time(PROTECTED_AT),
        in.object(EXTEND_INFO, ExtendInfoJson::read),
        in.object(BACKUP_DATA, BackupDataJson::read));
  }

  private static BackupStatus status(FieldReader in) {
    String wireName = in.string(STATUS);
    if (wireName == null) {
      return null;
    }
    return BackupStatus.fromWireName(wireName)
        .orElseThrow(() -> in.invalid(STATUS, STATUS_PROBLEM));
  }
}
