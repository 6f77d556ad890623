package org.backupcatalog.web.security;

import jakarta.security.enterprise.CallerPrincipal;
import java.util.Objects;
import org.backupcatalog.domain.item.ProjectId;

/**
 * The authenticated caller: the token's {@code sub} as the principal name, and the project the
 * token was issued for. Roles are not here on purpose: they live in the container and are asked
 * with {@code isUserInRole}.
 */
public final class Caller extends CallerPrincipal {

  private static final long serialVersionUID = 1L;

  private final ProjectId projectId;

  public Caller(String name, ProjectId projectId) {
    super(Objects.requireNonNull(name, "name"));
    this.projectId = Objects.requireNonNull(projectId, "projectId");
  }

  public ProjectId projectId() {
    return projectId;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Caller that
        && getName().equals(that.getName())
        && projectId.equals(that.projectId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getName(), projectId);
  }

  @Override
  public String toString() {
    return "Caller[" + getName() + " of " + projectId + "]";
  }
}
