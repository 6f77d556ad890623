package org.backupcatalog.domain;

/** No checkpoint item of that id in the caller's scope (another tenant's item reads the same). */
public class CheckpointItemNotFoundException extends RuntimeException {

  public CheckpointItemNotFoundException(String id) {
    super("Checkpoint item " + id + " not found", null, false, false);
  }
}
