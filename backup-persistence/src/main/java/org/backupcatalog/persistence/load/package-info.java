/**
 * Bulk loading of synthetic catalogs: realistic, skewed, deterministic items written straight into
 * the item table (Derby bulk insert from a table function, PostgreSQL COPY), for demos and
 * benchmarks. It deliberately bypasses JPA: one item at a time would take hours for a million.
 */
package org.backupcatalog.persistence.load;
