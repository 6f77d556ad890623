/**
 * Test support for system tests against the real executable jar: {@link
 * org.backupcatalog.web.testing.RunningCatalog} starts and stops it, {@link
 * org.backupcatalog.web.testing.CatalogExtension} shares one per environment across test classes.
 */
package org.backupcatalog.web.testing;
