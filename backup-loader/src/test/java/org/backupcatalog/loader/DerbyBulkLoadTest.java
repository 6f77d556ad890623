package org.backupcatalog.loader;

import org.backupcatalog.persistence.item.TestDatabase;

class DerbyBulkLoadTest extends BulkLoadTest {

  DerbyBulkLoadTest() {
    super(TestDatabase.Kind.DERBY);
  }
}
