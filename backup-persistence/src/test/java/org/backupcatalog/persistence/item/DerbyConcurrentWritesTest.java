package org.backupcatalog.persistence.item;

class DerbyConcurrentWritesTest extends ConcurrentWritesTest {

  DerbyConcurrentWritesTest() {
    super(TestDatabase.Kind.DERBY);
  }
}
