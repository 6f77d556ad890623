package org.backupcatalog.persistence.schema;

import javax.sql.DataSource;
import org.backupcatalog.persistence.item.EmbeddedPostgresServer;

class PostgresSchemaUpgradeTest extends SchemaUpgradeTest {

  @Override
  DataSource freshDatabase() {
    return EmbeddedPostgresServer.newDatabase();
  }
}
