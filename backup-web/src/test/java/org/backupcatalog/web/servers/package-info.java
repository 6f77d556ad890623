/**
 * The same WAR on every server it supports: the black-box checks of the executable jar run against
 * Payara Server and WildFly, each set up by its {@code deploy/<server>/run.sh} on a PostgreSQL
 * database of its own (Maven profile {@code servers}).
 */
package org.backupcatalog.web.servers;
