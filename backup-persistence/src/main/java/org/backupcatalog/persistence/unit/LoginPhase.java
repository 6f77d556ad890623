package org.backupcatalog.persistence.unit;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the session is still logging in. Shared by a connector and its clones: EclipseLink clones
 * the login, and with it the connector, for each pool it starts.
 */
final class LoginPhase implements Serializable {

  private static final long serialVersionUID = 1L;

  private final AtomicBoolean over = new AtomicBoolean();

  boolean isOver() {
    return over.get();
  }

  void over() {
    over.set(true);
  }
}
