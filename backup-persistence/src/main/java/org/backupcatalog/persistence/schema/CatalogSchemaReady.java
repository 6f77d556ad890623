package org.backupcatalog.persistence.schema;

import javax.sql.DataSource;

/**
 * Fired once at start by the web module, after the schema is current.
 *
 * @param schemaVersion the Flyway version now applied ({@link SchemaMigration#migrate}), or null
 */
public record CatalogSchemaReady(DataSource dataSource, String schemaVersion) {}
