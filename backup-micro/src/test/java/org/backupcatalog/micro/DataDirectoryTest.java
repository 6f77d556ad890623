package org.backupcatalog.micro;

import static org.backupcatalog.micro.DataDirectory.derbyName;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {

  private static final Path DATA = Path.of("/srv/backup/data");

  @Test
  void aRelativeNameLivesInTheDataDirectory() {
    assertEquals("/srv/backup/data/catalog", derbyName("catalog", DATA));
    assertEquals("/srv/backup/data/db/x;create=true", derbyName("db/x;create=true", DATA));
  }

  @Test
  void absoluteNamesAndSubProtocolsAreKept() {
    assertEquals("/var/db/catalog", derbyName("/var/db/catalog", DATA));
    assertEquals("memory:test;create=true", derbyName("memory:test;create=true", DATA));
    assertEquals("directory:/x", derbyName("directory:/x", DATA));
  }
}
