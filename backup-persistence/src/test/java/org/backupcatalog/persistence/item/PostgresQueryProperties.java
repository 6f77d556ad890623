package org.backupcatalog.persistence.item;

class PostgresQueryProperties extends CheckpointItemQueryProperties {

  PostgresQueryProperties() {
    super(TestDatabase.Kind.POSTGRES);
  }
}
