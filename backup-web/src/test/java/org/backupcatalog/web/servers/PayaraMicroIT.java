package org.backupcatalog.web.servers;

import org.backupcatalog.web.testing.RunningCatalog.Server;

/**
 * {@link ServerSuite} on the executable jar moved to PostgreSQL by its environment: the suite's own
 * baseline, so that a check that fails on another server is known to pass on Payara Micro.
 */
@OnServer(Server.PAYARA_MICRO)
class PayaraMicroIT extends ServerSuite {}
