/**
 * The HTTP face of the catalog: the JAX-RS application, its resources, and the plumbing that makes
 * every answer follow the contract (JSON errors, request ids).
 */
package org.backupcatalog.web;
