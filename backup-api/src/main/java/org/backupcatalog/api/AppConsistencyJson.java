package org.backupcatalog.api;

import java.util.Set;

/** {@code app_consistency}: {@code {}} when unset, else all four keys. */
final class AppConsistencyJson {

  static final String APP_CONSISTENCY = "app_consistency";
  static final String STATUS = "app_consistency_status";
  static final String ERROR_CODE = "app_consistency_error_code";
  static final String ERROR_MESSAGE = "app_consistency_error_message";
  static final Set<String> KNOWN = Set.of(APP_CONSISTENCY, STATUS, ERROR_CODE, ERROR_MESSAGE);

  private AppConsistencyJson() {}

  static AppConsistency read(FieldReader in) {
    if (in.isEmpty()) {
      return null;
    }
    return new AppConsistency(
        in.integer(APP_CONSISTENCY),
        in.integer(STATUS),
        in.string(ERROR_CODE),
        in.string(ERROR_MESSAGE));
  }

  /** Unset is written as an empty object. */
  static void write(FieldWriter out, AppConsistency app) {
    if (app == null) {
      return;
    }
    out.integer(APP_CONSISTENCY, app.appConsistency())
        .integer(STATUS, app.appConsistencyStatus())
        .string(ERROR_CODE, app.appConsistencyErrorCode())
        .string(ERROR_MESSAGE, app.appConsistencyErrorMessage());
  }
}
