/**
 * What the executable jar adds to Payara Micro, outside the WAR: the datasource class of its
 * server-side connection pool {@code jdbc/backup}, configured from the {@code BACKUP_DB_*}
 * environment. On Payara Server and WildFly the administrator's own pool takes its place.
 */
package org.backupcatalog.micro;
