/** Storage of the catalog: JPA over Derby or PostgreSQL, with the schema owned by Flyway. */
package org.backupcatalog.persistence;
