package org.backupcatalog.api;

import java.math.BigDecimal;

/**
 * Finds the two arrays in a stored lists text when that text is, character for character, what the
 * codec writes, so that a page may copy them instead of parsing and encoding them again. One pass,
 * no objects: it refuses whatever JSON-P would write differently (white space, {@code \/}, {@code
 * \u0041}, upper-case hex, {@code 1e3}, {@code -0}), and an unpaired surrogate, which the page
 * writes as {@code ?}. It does not compare keys with the records' fields: every writer of the
 * column (a PUT, the loader, the migration from the child tables) writes through {@link
 * ItemListsJson#write}, whose output its tests prove is its own fixed point.
 */
final class CanonicalLists {

  private static final String VOLUMES = "{\"" + ExtendInfoJson.VOLUME_BACKUPS + "\":";
  private static final String IMAGES = ",\"" + ExtendInfoJson.OS_IMAGES_DATA + "\":";

  private CanonicalLists() {}

  /**
   * {@code {volumesStart, volumesEnd, imagesStart, imagesEnd}} (ends exclusive), or null when the
   * text is not in the codec's form.
   */
  static int[] arrays(String text) {
    if (!text.startsWith(VOLUMES)) {
      return null;
    }
    int volumesStart = VOLUMES.length();
    int volumesEnd = arrayEnd(text, volumesStart);
    if (volumesEnd < 0 || !text.startsWith(IMAGES, volumesEnd)) {
      return null;
    }
    int imagesStart = volumesEnd + IMAGES.length();
    int imagesEnd = arrayEnd(text, imagesStart);
    if (imagesEnd != text.length() - 1 || text.charAt(imagesEnd) != '}') {
      return null;
    }
    return new int[] {volumesStart, volumesEnd, imagesStart, imagesEnd};
  }

  /** Just after the array that opens at {@code start}; -1 when it is not in the codec's form. */
  private static int arrayEnd(String text, int start) {
    if (start >= text.length() || text.charAt(start) != '[') {
      return -1;
    }
    int depth = 0;
    int i = start;
    while (i < text.length()) {
      char c = text.charAt(i);
      switch (c) {
        case '[', '{' -> {
          depth++;
          i++;
        }
        case ']', '}' -> {
          depth--;
          i++;
          if (depth == 0) {
            return c == ']' ? i : -1;
          }
        }
        case ',', ':' -> i++;
        case '"' -> i = stringEnd(text, i + 1);
        case 't' -> i = literalEnd(text, i, "true");
        case 'f' -> i = literalEnd(text, i, "false");
        case 'n' -> i = literalEnd(text, i, "null");
        default -> i = numberEnd(text, i);
      }
      if (i < 0) {
        return -1;
      }
    }
    return -1;
  }

  /** Just after the closing quote of a string whose content starts at {@code i}; or -1. */
  private static int stringEnd(String text, int i) {
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c < 0x20) {
        return -1;
      }
      if (Character.isSurrogate(c)) {
        // A pair is copied as its character; an unpaired one must become '?'
        // (JsonValues.encodable),
        // which the copy would not do: such a text is parsed and written again.
        if (!Character.isHighSurrogate(c)
            || i + 1 >= text.length()
            || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return -1;
        }
        i += 2;
        continue;
      }
      if (c == '\\') {
        if (i + 1 >= text.length()) {
          return -1;
        }
        char escaped = text.charAt(i + 1);
        if ("\"\\bfnrt".indexOf(escaped) >= 0) {
          i += 2;
          continue;
        }
        // JSON-P writes \\u only for the other control characters, in lower-case hex.
        if (escaped != 'u' || !controlEscape(text, i + 2)) {
          return -1;
        }
        i += 6;
        continue;
      }
      i++;
    }
    return -1;
  }

  /** Whether {@code 00xx} at {@code i} is a control character without a short escape. */
  private static boolean controlEscape(String text, int i) {
    if (i + 4 > text.length() || text.charAt(i) != '0' || text.charAt(i + 1) != '0') {
      return false;
    }
    int high = hex(text.charAt(i + 2));
    int low = hex(text.charAt(i + 3));
    if (high < 0 || high > 1 || low < 0) {
      return false;
    }
    char c = (char) (high * 16 + low);
    return c != '\b' && c != '\f' && c != '\n' && c != '\r' && c != '\t';
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  }

  private static int literalEnd(String text, int i, String literal) {
    return text.startsWith(literal, i) ? i + literal.length() : -1;
  }

  /**
   * Just after a number at {@code i}, if JSON-P would write it back the same: an integer as its
   * digits (not {@code -0}), any other as {@link BigDecimal#toString()} spells it.
   */
  private static int numberEnd(String text, int i) {
    int digits = i < text.length() && text.charAt(i) == '-' ? i + 1 : i;
    int end = digits;
    while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
      end++;
    }
    if (end == digits || text.charAt(digits) == '0' && (end > digits + 1 || digits > i)) {
      // No digits, a leading zero, or -0; or a fraction of 0 (0.5), handled below.
      if (end != digits + 1 || !fractionFollows(text, end)) {
        return -1;
      }
    }
    if (!fractionFollows(text, end)) {
      return end;
    }
    // A fraction or an exponent: rare (unknown keys only), so the exact check may allocate.
    while (end < text.length() && "0123456789.eE+-".indexOf(text.charAt(end)) >= 0) {
      end++;
    }
    String number = text.substring(i, end);
    try {
      return new BigDecimal(number).toString().equals(number) ? end : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean fractionFollows(String text, int i) {
    if (i >= text.length()) {
      return false;
    }
    char c = text.charAt(i);
    return c == '.' || c == 'e' || c == 'E';
  }
}
