package org.backupcatalog.web.request;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers OPTIONS with 204 and its {@code Allow} header only: Jersey's own answer repeats the
 * methods as a text/plain body, the one answer of the API that would not be JSON or empty.
 */
@Provider
public class OptionsWithoutBody implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if ("OPTIONS".equals(request.getMethod()) && response.getStatus() == 200) {
      response.setEntity(null);
      response.setStatus(204);
      response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
    }
  }
}
