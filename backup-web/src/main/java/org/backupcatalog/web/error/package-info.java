/**
 * The contract's error answers (section 6): one JSON shape for every failure, whether raised by a
 * resource, by JAX-RS or by the servlet container.
 */
package org.backupcatalog.web.error;
