package org.backupcatalog.web.operations;

import jakarta.json.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * A structured log line: named fields in a fixed order, logged as one record whose message is
 * {@code key=value ...} (readable in any server log, values with spaces or quotes JSON-quoted) and
 * whose one parameter is the field map, from which {@link JsonLineFormatter} writes a JSON object.
 */
final class LogLine {

  private static final Pattern PLAIN = Pattern.compile("[\\x21-\\x7E&&[^\"=\\\\]]+");

  private final Map<String, Object> fields = new LinkedHashMap<>();

  /** Adds a field; null values are kept (written {@code -} and JSON null). */
  LogLine add(String name, Object value) {
    fields.put(name, value);
    return this;
  }

  Map<String, Object> fields() {
    return Collections.unmodifiableMap(fields);
  }

  String text() {
    StringBuilder text = new StringBuilder();
    fields.forEach(
        (name, value) -> {
          if (text.length() > 0) {
            text.append(' ');
          }
          text.append(name).append('=').append(render(value));
        });
    return text.toString();
  }

  void log(Logger logger, Level level) {
    if (!logger.isLoggable(level)) {
      return;
    }
    LogRecord record = new LogRecord(level, text());
    record.setLoggerName(logger.getName());
    record.setParameters(new Object[] {fields()});
    logger.log(record);
  }

  private static String render(Object value) {
    if (value == null) {
      return "-";
    }
    String text = String.valueOf(value);
    if (PLAIN.matcher(text).matches()) {
      return text;
    }
    return Json.createValue(text).toString();
  }
}
