package org.backupcatalog.web.security;

import org.backupcatalog.web.testing.RunningCatalog;

/** {@link AccessMatrixChecks} on the executable jar, a catalog of its own. */
class AccessMatrixIT extends AccessMatrixChecks {

  @Override
  protected RunningCatalog catalog() {
    return RunningCatalog.start("access-matrix", environment());
  }

  @Override
  protected void release(RunningCatalog checked) {
    checked.close();
  }
}
