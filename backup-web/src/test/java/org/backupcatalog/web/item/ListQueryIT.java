package org.backupcatalog.web.item;

import org.backupcatalog.web.testing.CatalogEnvironment;
import org.backupcatalog.web.testing.CatalogExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link ListQueryChecks} on the default database, embedded Derby. A catalog of its own, so that
 * all_tenants sees exactly the items these checks wrote.
 */
@ExtendWith(CatalogExtension.class)
@CatalogEnvironment("BACKUP_TEST_CATALOG=list-query")
class ListQueryIT extends ListQueryChecks {}
