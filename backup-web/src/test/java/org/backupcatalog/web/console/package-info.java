/** The admin console driven in a real headless Chromium against the running jar. */
package org.backupcatalog.web.console;
