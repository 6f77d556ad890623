/**
 * The loader: a command-line tool ({@link org.backupcatalog.loader.LoaderCommand}, its own
 * executable jar, not part of the service) that writes realistic, skewed, deterministic synthetic
 * catalogs straight into the item table (Derby bulk insert from a table function, PostgreSQL COPY)
 * for benchmarks and large demos. It deliberately bypasses JPA: one item at a time would take hours
 * for a million.
 */
package org.backupcatalog.loader;
