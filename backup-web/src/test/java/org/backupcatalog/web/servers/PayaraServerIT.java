package org.backupcatalog.web.servers;

import org.backupcatalog.web.testing.RunningCatalog.Server;

/** {@link ServerSuite} on Payara Server 6, set up by {@code deploy/payara-server/run.sh}. */
@OnServer(Server.PAYARA_SERVER)
class PayaraServerIT extends ServerSuite {}
