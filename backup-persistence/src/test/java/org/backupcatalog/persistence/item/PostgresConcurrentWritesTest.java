package org.backupcatalog.persistence.item;

import org.junit.jupiter.api.AfterAll;

class PostgresConcurrentWritesTest extends ConcurrentWritesTest {

  private static final TestDatabase DB = TestDatabase.postgres();

  @Override
  TestDatabase db() {
    return DB;
  }

  @AfterAll
  static void close() {
    DB.close();
  }
}
