/**
 * Tests of the operational endpoints and of the OpenAPI document: the document against the code
 * (routes) and against the answers (schemas), health, metrics and logs over HTTP.
 */
package org.backupcatalog.web.operations;
