package org.backupcatalog.domain.item;

import java.util.regex.Pattern;
import org.backupcatalog.domain.InvalidParameterException;

/** A tenant: every item belongs to exactly one project. */
public record ProjectId(String value) {

  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  public ProjectId {
    if (!isWellFormed(value)) {
      throw new InvalidParameterException(
          "project_id", "must be 1 to 64 characters of A-Z a-z 0-9 - _");
    }
  }

  public static boolean isWellFormed(String value) {
    return value != null && FORM.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
