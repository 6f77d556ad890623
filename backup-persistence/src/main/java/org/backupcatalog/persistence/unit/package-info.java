/**
 * How the persistence unit logs in, also when the database is not there yet, and the platforms that
 * keep its times UTC wall clocks in any JVM time zone.
 */
package org.backupcatalog.persistence.unit;
