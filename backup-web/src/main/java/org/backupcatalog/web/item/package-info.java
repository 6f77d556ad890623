/**
 * The checkpoint items API of CONTRACT section 1: thin JAX-RS resources that authorize the caller,
 * turn strings into the domain's value objects, hand off to the catalog services and write the
 * contract's JSON.
 */
package org.backupcatalog.web.item;
