package org.backupcatalog.domain.catalog;

/**
 * Two writers created the same new id at once and this one lost the race; its transaction was
 * rolled back, so the write can be tried again as a replacement.
 */
public class ConcurrentCreationException extends RuntimeException {

  public ConcurrentCreationException(String id, Throwable cause) {
    super("Checkpoint item " + id + " was created concurrently", cause);
  }
}
