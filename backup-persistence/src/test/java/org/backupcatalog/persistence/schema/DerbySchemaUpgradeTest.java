package org.backupcatalog.persistence.schema;

import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;

class DerbySchemaUpgradeTest extends SchemaUpgradeTest {

  @Override
  DataSource freshDatabase() {
    EmbeddedDataSource ds = new EmbeddedDataSource();
    ds.setDatabaseName("memory:upgrade-" + System.nanoTime() + ";create=true");
    return ds;
  }
}
