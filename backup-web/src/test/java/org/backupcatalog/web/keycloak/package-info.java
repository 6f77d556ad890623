/**
 * The catalog against a real Keycloak (Maven profile {@code keycloak}): {@link
 * org.backupcatalog.web.keycloak.RunningKeycloak} starts Keycloak from its Maven Central
 * distribution with the repository's realm file, and the system test takes real tokens from it.
 */
package org.backupcatalog.web.keycloak;
