package org.backupcatalog.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The nine states of a backup, written on the wire in lower snake case. */
public enum BackupStatus {
  WAITING_PROTECT,
  PROTECTING,
  AVAILABLE,
  WAITING_RESTORE,
  RESTORING,
  ERROR,
  WAITING_DELETE,
  DELETING,
  DELETED;

  private static final Map<String, BackupStatus> BY_WIRE_NAME =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(BackupStatus::wireName, Function.identity()));

  private final String wireName = name().toLowerCase(Locale.ROOT);

  public String wireName() {
    return wireName;
  }

  /** Exact, case-sensitive match: {@code "Available"} is not a status. */
  public static Optional<BackupStatus> fromWireName(String wireName) {
    return wireName == null ? Optional.empty() : Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }
}
