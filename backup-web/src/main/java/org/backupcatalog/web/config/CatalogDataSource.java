package org.backupcatalog.web.config;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * The catalog's one datasource, {@value #JNDI_NAME}, defined in code so that the WAR carries no
 * server configuration. Every attribute comes from MicroProfile Config (environment variables such
 * as {@code BACKUP_DB_CLASS}, or {@code -Dbackup.db.class=...}) with the default written inline:
 * Payara resolves these expressions without the WAR's own microprofile-config.properties.
 *
 * <p>By default it is the embedded Derby database {@code catalog} in {@code BACKUP_DATA_DIR} (see
 * {@link CatalogDerbyDataSource}); {@code BACKUP_DB_CLASS=org.postgresql.ds.PGSimpleDataSource}
 * with {@code BACKUP_DB_HOST}, {@code BACKUP_DB_PORT}, {@code BACKUP_DB_NAME}, {@code
 * BACKUP_DB_USER} and {@code BACKUP_DB_PASSWORD} moves the same WAR to PostgreSQL.
 *
 * <p>The pool validates connections when they are taken and drops them all after a failure, so that
 * the catalog recovers by itself when a lost database comes back.
 */
@DataSourceDefinition(
    name = CatalogDataSource.JNDI_NAME,
    className = "${MPCONFIG=backup.db.class:org.backupcatalog.web.config.CatalogDerbyDataSource}",
    databaseName = "${MPCONFIG=backup.db.name:catalog}",
    serverName = "${MPCONFIG=backup.db.host:localhost}",
    user = "${MPCONFIG=backup.db.user:backup}",
    password = "${MPCONFIG=backup.db.password:backup}",
    initialPoolSize = 0,
    minPoolSize = 0,
    maxPoolSize = 32,
    properties = {
      "portNumber=${MPCONFIG=backup.db.port:5432}",
      // PostgreSQL's driver settings, with the driver's own defaults; CatalogDerbyDataSource
      // accepts and ignores them.
      "sslmode=${MPCONFIG=backup.db.sslmode:prefer}",
      "prepareThreshold=${MPCONFIG=backup.db.prepare-threshold:5}",
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      "fish.payara.fail-all-connections=true"
    })
public final class CatalogDataSource {

  public static final String JNDI_NAME = "java:app/jdbc/backup";

  private CatalogDataSource() {}
}
