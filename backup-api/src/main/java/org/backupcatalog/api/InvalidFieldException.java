package org.backupcatalog.api;

/**
 * A JSON item that does not fit the contract. {@code field} is the JSON path of the offending value
 * (for example {@code extend_info.volume_backups[1].size}) so that the 400 answer can tell the
 * client exactly what to fix. Unchecked, because it always ends in an error response, never in a
 * retry.
 */
public class InvalidFieldException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String problem;

  public InvalidFieldException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }
}
