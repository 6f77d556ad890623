/**
 * Servlet filters that apply to every request, including those that never reach JAX-RS: the request
 * id and the body size limit.
 */
package org.backupcatalog.web.request;
