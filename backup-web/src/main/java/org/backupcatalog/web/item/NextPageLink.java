package org.backupcatalog.web.item;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code next} link of a page: this request again, with the marker of the page's last item and
 * without {@code offset} (which would skip items on every page). Behind a proxy, {@code
 * backup.public-url} replaces the scheme, host and port the service sees.
 */
@ApplicationScoped
public class NextPageLink {

  @Inject
  @ConfigProperty(name = "backup.public-url")
  private Optional<String> publicUrl;

  String after(UriInfo uri, String marker) {
    URI here =
        uri.getRequestUriBuilder()
            .replaceQueryParam("marker", marker)
            .replaceQueryParam("offset")
            .build();
    if (publicUrl.isEmpty() || publicUrl.get().isBlank()) {
      return here.toString();
    }
    URI base = URI.create(publicUrl.get().replaceAll("/+$", ""));
    return UriBuilder.fromUri(base)
        .path(here.getRawPath())
        .replaceQuery(here.getRawQuery())
        .build()
        .toString();
  }
}
