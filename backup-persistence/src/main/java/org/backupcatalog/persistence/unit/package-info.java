/** How the persistence unit logs in: also when the database is not there yet. */
package org.backupcatalog.persistence.unit;
