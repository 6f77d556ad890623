package org.backupcatalog.web.operations;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line, for a log shipper: {@code time}, {@code level}, {@code logger}, then
 * the fields of a {@link LogLine} (access and audit lines) as members of their own, or the
 * formatted {@code message} of any other record, and a {@code thrown} stack trace if there is one.
 */
public class JsonLineFormatter extends Formatter {

  /**
   * Looked up once: {@code Json.createObjectBuilder()} and the like look the provider up per call.
   */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Override
  public String format(LogRecord record) {
    JsonObjectBuilder line =
        JSON.createObjectBuilder()
            .add("time", Instant.ofEpochMilli(record.getMillis()).toString())
            .add("level", record.getLevel().getName())
            .add("logger", String.valueOf(record.getLoggerName()));
    Object[] parameters = record.getParameters();
    if (parameters != null
        && parameters.length == 1
        && parameters[0] instanceof LogLine.Fields fields) {
      fields.values().forEach((name, value) -> add(line, name, value));
    } else {
      line.add("message", String.valueOf(formatMessage(record)));
    }
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      line.add("thrown", trace.toString());
    }
    return line.build().toString() + System.lineSeparator();
  }

  private static void add(JsonObjectBuilder line, String name, Object value) {
    if (value == null) {
      line.addNull(name);
    } else if (value instanceof Integer || value instanceof Long) {
      line.add(name, ((Number) value).longValue());
    } else if (value instanceof Double number) {
      line.add(name, number);
    } else if (value instanceof Boolean bool) {
      line.add(name, bool);
    } else {
      line.add(name, value.toString());
    }
  }
}
