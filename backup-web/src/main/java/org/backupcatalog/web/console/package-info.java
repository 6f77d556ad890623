/**
 * The admin console: static files under {@code /console/} that call the public API in the browser
 * with the caller's own token, so the console can do nothing the token cannot.
 */
package org.backupcatalog.web.console;
