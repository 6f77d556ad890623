package org.backupcatalog.persistence.item;

import net.jqwik.api.lifecycle.AfterContainer;

class PostgresQueryProperties extends CheckpointItemQueryProperties {

  private static final TestDatabase DB = TestDatabase.postgres();

  @Override
  TestDatabase db() {
    return DB;
  }

  @AfterContainer
  static void close() {
    DB.close();
  }
}
