package org.backupcatalog.web.security;

/**
 * A token that must be refused with 401. The message says why, for the log only: the client always
 * gets the same answer, so that probing tells it nothing about the keys or the claims checked.
 */
public class InvalidTokenException extends Exception {

  private static final long serialVersionUID = 1L;

  public InvalidTokenException(String reason) {
    super(reason, null, false, false);
  }
}
