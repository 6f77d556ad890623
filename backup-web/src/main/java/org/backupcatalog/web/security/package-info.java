/**
 * Token security (CONTRACT section 2): an authentication mechanism that turns a signed JWT into a
 * {@link org.backupcatalog.web.security.Caller} with container roles, checked with static keys or
 * an identity provider's key set (cached, rate limited, outage tolerant), and the one table that
 * decides which caller may run which operation on which project.
 */
package org.backupcatalog.web.security;
