package org.backupcatalog.web.config;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Prepares {@code BACKUP_DATA_DIR} (config {@code backup.data-dir}, default {@code ./data}) at the
 * very start of the application, before any bean exists and so before the datasource is first used:
 * creates it and points Derby's home and log there, as absolute paths (STACK pitfall 8).
 *
 * <p>A CDI extension because its {@link BeforeBeanDiscovery} event is the earliest moment at which
 * the application's own code runs, earlier than startup beans, servlet listeners and the
 * persistence unit's first connection.
 */
public class DataDirectoryExtension implements Extension {

  public static final String DATA_DIR = "backup.data-dir";

  private static final Logger LOG = Logger.getLogger(DataDirectoryExtension.class.getName());

  void prepare(@Observes BeforeBeanDiscovery event) {
    Path dir = dataDirectory();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the data directory " + dir, e);
    }
    System.setProperty("derby.system.home", dir.toString());
    System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
    LOG.info(() -> "Data directory: " + dir);
  }

  static Path dataDirectory() {
    String configured =
        ConfigProvider.getConfig().getOptionalValue(DATA_DIR, String.class).orElse("./data");
    return Path.of(configured).toAbsolutePath().normalize();
  }
}
