package org.backupcatalog.persistence.schema;

import javax.sql.DataSource;

/** Fired once at start by the web module, after the schema is current. */
public record CatalogSchemaReady(DataSource dataSource) {}
