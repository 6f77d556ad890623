package org.backupcatalog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupStatusTest {

  @Test
  void wireNamesAreTheSeedsNine() {
    assertEquals(
        List.of(
            "waiting_protect",
            "protecting",
            "available",
            "waiting_restore",
            "restoring",
            "error",
            "waiting_delete",
            "deleting",
            "deleted"),
        java.util.Arrays.stream(BackupStatus.values()).map(BackupStatus::wireName).toList());
    for (BackupStatus status : BackupStatus.values()) {
      assertEquals(Optional.of(status), BackupStatus.fromWireName(status.wireName()));
    }
  }

  @Test
  void matchesExactlyOnly() {
    for (String wrong : new String[] {"AVAILABLE", "Available", " available", "available ", ""}) {
      assertTrue(BackupStatus.fromWireName(wrong).isEmpty(), wrong);
    }
    assertTrue(BackupStatus.fromWireName(null).isEmpty());
  }
}
