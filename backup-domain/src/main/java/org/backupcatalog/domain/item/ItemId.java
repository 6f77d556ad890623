package org.backupcatalog.domain.item;

import java.util.regex.Pattern;
import org.backupcatalog.domain.InvalidParameterException;

/** The id of a checkpoint item: unique across the whole catalog, safe in a URL path. */
public record ItemId(String value) {

  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  public ItemId {
    if (!isWellFormed(value)) {
      throw new InvalidParameterException(
          "id", "must be 1 to 64 characters of A-Z a-z 0-9 - _ and not 'count'");
    }
  }

  /** {@code count} is refused because {@code /checkpoint_items/count} is another resource. */
  public static boolean isWellFormed(String value) {
    return value != null && FORM.matcher(value).matches() && !value.equals("count");
  }

  @Override
  public String toString() {
    return value;
  }
}
