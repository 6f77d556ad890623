package org.backupcatalog.web.operations;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code backup.log.json}: the access and audit lines as JSON lines ({@link JsonLineFormatter}), to
 * the process's standard output ({@code stdout}) or appended to a file (a path), instead of the
 * server's log. Installed by the application on its two loggers, so that it works the same on every
 * server without putting a class on the server's class path; standard output is written through the
 * file descriptor, past the servers that wrap {@code System.out} in their own log format.
 */
@ApplicationScoped
public class JsonLogOutput {

  private static final Logger LOG = Logger.getLogger(JsonLogOutput.class.getName());
  private static final List<Logger> LOGGERS = List.of(RequestLog.ACCESS, RequestLog.AUDIT);

  @Inject
  @ConfigProperty(name = "backup.log.json")
  Optional<String> target;

  private Handler handler;

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    String where = target.map(String::strip).orElse("");
    if (where.isEmpty()) {
      return;
    }
    handler = new FlushingHandler(open(where), !where.equals("stdout"));
    handler.setLevel(Level.ALL);
    for (Logger logger : LOGGERS) {
      logger.addHandler(handler);
      logger.setUseParentHandlers(false);
    }
    LOG.info(() -> "Access and audit lines go to " + where + " as JSON lines");
  }

  private static OutputStream open(String where) {
    if (where.equals("stdout")) {
      return new FileOutputStream(FileDescriptor.out);
    }
    try {
      Path file = Path.of(where).toAbsolutePath();
      Files.createDirectories(file.getParent());
      return Files.newOutputStream(
          file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("backup.log.json: cannot open " + where, e);
    }
  }

  /** Undeploying must leave the server's loggers as they were. */
  @PreDestroy
  void stop() {
    if (handler == null) {
      return;
    }
    for (Logger logger : LOGGERS) {
      logger.removeHandler(handler);
      logger.setUseParentHandlers(true);
    }
    handler.close();
  }

  /** One line, one flush: a shipper tailing the output sees each line when it is written. */
  private static final class FlushingHandler extends StreamHandler {
    private final boolean ownsStream;

    FlushingHandler(OutputStream out, boolean ownsStream) {
      super(out, new JsonLineFormatter());
      this.ownsStream = ownsStream;
      try {
        setEncoding(StandardCharsets.UTF_8.name());
      } catch (UnsupportedEncodingException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public synchronized void publish(LogRecord record) {
      super.publish(record);
      flush();
    }

    @Override
    public synchronized void close() {
      if (ownsStream) {
        super.close();
      } else {
        // Standard output belongs to the process: flushed, never closed.
        flush();
      }
    }
  }
}
