package org.backupcatalog.persistence.item;

import org.junit.jupiter.api.AfterAll;

class DerbyRepositoryTest extends CheckpointItemRepositoryTest {

  private static final TestDatabase DB = TestDatabase.derby();

  @Override
  TestDatabase db() {
    return DB;
  }

  @AfterAll
  static void close() {
    DB.close();
  }
}
