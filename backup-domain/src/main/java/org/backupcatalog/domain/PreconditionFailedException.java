package org.backupcatalog.domain;

/** An {@code If-Match} did not match the stored item: another writer came first. */
public class PreconditionFailedException extends RuntimeException {

  public PreconditionFailedException(String id) {
    super(
        "Checkpoint item " + id + " was changed by another writer (If-Match does not match)",
        null,
        false,
        false);
  }
}
