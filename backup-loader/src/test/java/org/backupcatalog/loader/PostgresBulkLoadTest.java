package org.backupcatalog.loader;

import org.backupcatalog.persistence.item.TestDatabase;

class PostgresBulkLoadTest extends BulkLoadTest {

  PostgresBulkLoadTest() {
    super(TestDatabase.Kind.POSTGRES);
  }
}
