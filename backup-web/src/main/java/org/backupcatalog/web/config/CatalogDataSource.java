package org.backupcatalog.web.config;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * The catalog's one datasource, {@code java:app/jdbc/backup}, defined in code so that the WAR
 * carries no server configuration. Every attribute comes from MicroProfile Config (environment
 * variables such as {@code BACKUP_DB_CLASS}, or {@code -Dbackup.db.class=...}) with the default
 * written inline: Payara resolves these expressions without the WAR's own
 * microprofile-config.properties.
 *
 * <p>By default it is an embedded Derby database named {@code catalog}; Derby resolves that
 * relative name against {@code derby.system.home}, which {@link DataDirectoryExtension} sets to
 * {@code BACKUP_DATA_DIR} before anything can connect. So the data directory needs no second
 * setting, and {@code BACKUP_DB_NAME} only names a database when another one is wanted.
 *
 * <p>Connections are validated when taken from the pool and all are dropped after a failure, so
 * that the catalog recovers by itself when a lost database comes back.
 */
@DataSourceDefinition(
    name = "java:app/jdbc/backup",
    className = "${MPCONFIG=backup.db.class:org.apache.derby.jdbc.EmbeddedDataSource}",
    databaseName = "${MPCONFIG=backup.db.name:catalog;create=true}",
    serverName = "${MPCONFIG=backup.db.host:localhost}",
    user = "${MPCONFIG=backup.db.user:backup}",
    password = "${MPCONFIG=backup.db.password:backup}",
    initialPoolSize = 0,
    minPoolSize = 0,
    maxPoolSize = 32,
    properties = {
      "portNumber=${MPCONFIG=backup.db.port:5432}",
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      "fish.payara.fail-all-connections=true"
    })
public final class CatalogDataSource {

  public static final String JNDI_NAME = "java:app/jdbc/backup";

  private CatalogDataSource() {}
}
