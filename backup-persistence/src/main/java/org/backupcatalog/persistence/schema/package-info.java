/** The database schema, created and upgraded by Flyway migrations before anything else runs. */
package org.backupcatalog.persistence.schema;
