package org.backupcatalog.persistence.item;

class DerbyQueryProperties extends CheckpointItemQueryProperties {

  DerbyQueryProperties() {
    super(TestDatabase.Kind.DERBY);
  }
}
