package org.backupcatalog.web.servers;

import org.backupcatalog.web.testing.RunningCatalog.Server;

/** {@link ServerSuite} on WildFly with EclipseLink, set up by {@code deploy/wildfly/run.sh}. */
@OnServer(Server.WILDFLY)
class WildFlyIT extends ServerSuite {}
