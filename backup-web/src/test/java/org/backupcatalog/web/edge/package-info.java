/**
 * The edge as a hostile client meets it: raw HTTP requests over plain sockets, generated from a
 * seed, and the rules every answer must keep whoever decides it (docs/edge.md).
 */
package org.backupcatalog.web.edge;
