package org.backupcatalog.api;

/** {@code extend_info.app_consistency}: the application-consistent backup's outcome. */
public record AppConsistency(
    Long appConsistency,
    Long appConsistencyStatus,
    String appConsistencyErrorCode,
    String appConsistencyErrorMessage) {}
