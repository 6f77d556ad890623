/**
 * Bulk loading of synthetic catalogs: realistic, skewed, deterministic items written straight into
 * the tables (Derby bulk insert from a table function, PostgreSQL COPY), for demos and benchmarks.
 * It deliberately bypasses JPA (one item at a time would take hours for a million) and needs no
 * JSON-P, so that it runs from the WAR's libraries alone.
 */
package org.backupcatalog.persistence.load;
