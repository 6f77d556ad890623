package org.backupcatalog.domain.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.backupcatalog.api.BackupStatus;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.domain.InvalidParameterException;
import org.junit.jupiter.api.Test;

class CheckpointItemDefaultsTest {

  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00.123456789Z");
  private static final ItemId ID = new ItemId("item-1");
  private static final ProjectId PROJECT = new ProjectId("proj");

  private static CheckpointItem minimal(String id, String name) {
    return new CheckpointItem(
        id,
        null,
        name,
        null,
        BackupStatus.AVAILABLE,
        "res",
        "OS::Nova::Server",
        null,
        null,
        Instant.parse("2024-04-30T10:00:00.1234567Z"),
        null,
        null,
        null,
        null);
  }

  @Test
  void fillsEveryDefaultOfTheContract() {
    CheckpointItem stored = CheckpointItemDefaults.complete(minimal(null, "n"), ID, PROJECT, NOW);
    assertEquals("item-1", stored.id());
    assertEquals("proj", stored.projectId());
    assertEquals("item-1", stored.checkpointId());
    assertEquals(Instant.parse("2024-05-01T12:00:00.123456Z"), stored.updatedAt());
    assertEquals(Instant.parse("2024-04-30T10:00:00.123456Z"), stored.createdAt());
    assertNull(stored.protectedAt());
    var e = stored.extendInfo();
    assertEquals("na", e.copyStatus());
    assertEquals("na", e.supportedRestoreMode());
    assertEquals("QEMU", e.hypervisorType());
    assertEquals(0L, e.progress());
    assertEquals("", e.failReason());
    assertEquals("", e.failOp());
    assertEquals("", e.copyFrom());
    assertEquals(List.of(), e.volumeBackups());
    assertEquals(List.of(), e.osImagesData());
    assertNull(e.size());
    assertNull(e.autoTrigger());
    var b = stored.backupData();
    assertEquals("", b.eip());
    assertEquals("", b.privateIp());
    assertEquals("", b.openstackRegionName());
    assertEquals("", b.cloudServiceType());
    assertEquals("", b.imageType());
    assertNull(b.ram());
  }

  @Test
  void refusesABodyIdThatDiffersFromThePath() {
    InvalidParameterException e =
        assertThrows(
            InvalidParameterException.class,
            () -> CheckpointItemDefaults.complete(minimal("other", "n"), ID, PROJECT, NOW));
    assertEquals("checkpoint_item.id", e.parameter());
    assertEquals(
        "item-1", CheckpointItemDefaults.complete(minimal("item-1", "n"), ID, PROJECT, NOW).id());
  }

  @Test
  void requiresANameOfOneTo255Characters() {
    assertEquals(
        "checkpoint_item.name",
        assertThrows(
                InvalidParameterException.class,
                () -> CheckpointItemDefaults.complete(minimal(null, ""), ID, PROJECT, NOW))
            .parameter());
    assertEquals(
        "checkpoint_item.name",
        assertThrows(
                InvalidParameterException.class,
                () ->
                    CheckpointItemDefaults.complete(
                        minimal(null, "x".repeat(256)), ID, PROJECT, NOW))
            .parameter());
    String emoji = "😀".repeat(255);
    assertEquals(
        emoji, CheckpointItemDefaults.complete(minimal(null, emoji), ID, PROJECT, NOW).name());
  }

  @Test
  void requiresTheFieldsTheContractNames() {
    CheckpointItem noStatus =
        new CheckpointItem(
            null, null, "n", null, null, "res", "type", null, null, NOW, null, null, null, null);
    assertEquals(
        "checkpoint_item.status",
        assertThrows(
                InvalidParameterException.class,
                () -> CheckpointItemDefaults.complete(noStatus, ID, PROJECT, NOW))
            .parameter());
    CheckpointItem noCreated =
        new CheckpointItem(
            null,
            null,
            "n",
            null,
            BackupStatus.ERROR,
            "res",
            "type",
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertEquals(
        "checkpoint_item.created_at",
        assertThrows(
                InvalidParameterException.class,
                () -> CheckpointItemDefaults.complete(noCreated, ID, PROJECT, NOW))
            .parameter());
  }

  @Test
  void idsAreOneTo64SafeCharactersButNotCount() {
    assertThrows(InvalidParameterException.class, () -> new ItemId("count"));
    assertThrows(InvalidParameterException.class, () -> new ItemId("a/b"));
    assertThrows(InvalidParameterException.class, () -> new ItemId("x".repeat(65)));
    assertEquals("A-z_09", new ItemId("A-z_09").value());
  }
}
