package org.backupcatalog.persistence.item;

class DerbyRepositoryTest extends CheckpointItemRepositoryTest {

  DerbyRepositoryTest() {
    super(TestDatabase.Kind.DERBY);
  }
}
