package org.backupcatalog.persistence.item;

class PostgresConcurrentWritesTest extends ConcurrentWritesTest {

  PostgresConcurrentWritesTest() {
    super(TestDatabase.Kind.POSTGRES);
  }
}
