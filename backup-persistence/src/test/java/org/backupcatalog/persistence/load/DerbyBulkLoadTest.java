package org.backupcatalog.persistence.load;

import org.backupcatalog.persistence.item.TestDatabase;

class DerbyBulkLoadTest extends BulkLoadTest {

  DerbyBulkLoadTest() {
    super(TestDatabase.Kind.DERBY);
  }
}
