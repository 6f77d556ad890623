package org.backupcatalog.domain.query;

import java.util.Optional;
import org.backupcatalog.domain.item.ProjectId;

/** Which items a query may see: one project's, or every project's for an admin's all_tenants. */
public record Scope(ProjectId project) {

  public static Scope of(ProjectId project) {
    return new Scope(project);
  }

  public static Scope allTenants() {
    return new Scope(null);
  }

  public boolean isAllTenants() {
    return project == null;
  }

  /** Whether an item of the project {@code projectId} is within this scope. */
  public boolean includes(String projectId) {
    return isAllTenants() || project.value().equals(projectId);
  }

  public Optional<ProjectId> projectId() {
    return Optional.ofNullable(project);
  }
}
