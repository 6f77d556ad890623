package org.backupcatalog.domain;

/**
 * A parameter of a query or a field of a written item broke a rule of the contract. The message
 * always names the parameter, so that a client can fix its request without reading our code.
 */
public class InvalidParameterException extends RuntimeException {

  private final String parameter;

  public InvalidParameterException(String parameter, String problem) {
    super("Invalid parameter " + parameter + ": " + problem, null, false, false);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }

  /** Reads the same whether the id is unknown or belongs to another tenant: nothing may leak. */
  public static InvalidParameterException markerNotFound() {
    return new InvalidParameterException("marker", "marker not found");
  }
}
