package org.backupcatalog.persistence.item;

class PostgresRepositoryTest extends CheckpointItemRepositoryTest {

  PostgresRepositoryTest() {
    super(TestDatabase.Kind.POSTGRES);
  }
}
