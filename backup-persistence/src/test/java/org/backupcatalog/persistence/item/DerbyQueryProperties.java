package org.backupcatalog.persistence.item;

import net.jqwik.api.lifecycle.AfterContainer;

class DerbyQueryProperties extends CheckpointItemQueryProperties {

  private static final TestDatabase DB = TestDatabase.derby();

  @Override
  TestDatabase db() {
    return DB;
  }

  @AfterContainer
  static void close() {
    DB.close();
  }
}
