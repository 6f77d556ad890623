package org.backupcatalog.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;

/** {@code fail_code}: {@code {}} means no failure; {@code Code} is a string on the wire. */
final class FailCodeJson {

  static final String CODE = "Code";
  static final String DESCRIPTION = "Description";
  static final Set<String> KNOWN = Set.of(CODE, DESCRIPTION);

  private FailCodeJson() {}

  static FailCode read(FieldReader in) {
    if (in.isEmpty()) {
      return null;
    }
    return new FailCode(code(in), in.string(DESCRIPTION));
  }

  /** Engines send the code as a number or a string; an integral number keeps its digits. */
  private static String code(FieldReader in) {
    JsonValue value = in.value(CODE);
    if (value == null) {
      return null;
    }
    return switch (value.getValueType()) {
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> {
        JsonNumber number = (JsonNumber) value;
        if (!number.isIntegral()) {
          throw in.invalid(CODE, "must be a string or an integer");
        }
        yield number.bigIntegerValueExact().toString();
      }
      default -> throw in.invalid(CODE, "must be a string or an integer");
    };
  }

  /** Unset is written as an empty object. */
  static void write(FieldWriter out, FailCode failCode) {
    if (failCode != null) {
      out.string(CODE, failCode.code()).string(DESCRIPTION, failCode.description());
    }
  }
}
