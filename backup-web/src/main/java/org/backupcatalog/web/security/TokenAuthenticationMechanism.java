package org.backupcatalog.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.backupcatalog.web.console.ConsoleAssetServlet;
import org.backupcatalog.web.error.ApiError;
import org.backupcatalog.web.error.ErrorJson;
import org.backupcatalog.web.error.OversizedBodyFilter;
import org.backupcatalog.web.operations.RequestLog;
import org.backupcatalog.web.request.RequestIds;

/**
 * Authenticates every request, whatever its path, by its token: {@code X-Auth-Token}, else {@code
 * Authorization: Bearer}. A valid token logs the caller in with the token's roles as groups; any
 * other request is answered 401 here, before filters and resources run, so that a bad token is 401
 * whatever else is wrong with the request (CONTRACT section 6).
 */
@ApplicationScoped
@DeclareRoles({Roles.ADMIN, Roles.BACKUP_ENGINE})
public class TokenAuthenticationMechanism implements HttpAuthenticationMechanism {

  public static final String TOKEN_HEADER = "X-Auth-Token";

  private static final Logger LOG = Logger.getLogger(TokenAuthenticationMechanism.class.getName());

  private static final String BEARER = "bearer ";

  private final AtomicBoolean callerRefusalLogged = new AtomicBoolean();

  @Inject TokenConfiguration configuration;
  @Inject RequestLog requestLog;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (isConsoleAsset(request) || PublicPaths.isOperational(request)) {
      return context.doNothing();
    }
    String token = tokenOf(request.getHeader(TOKEN_HEADER), request.getHeader("Authorization"));
    if (token == null) {
      return refuse(request, response, "no token");
    }
    VerifiedToken verified;
    try {
      verified = configuration.verifier().verify(token);
    } catch (InvalidTokenException e) {
      return refuse(request, response, e.getMessage());
    }
    try {
      return context.notifyContainerAboutLogin(verified.caller(), verified.roles());
    } catch (IllegalStateException e) {
      // Soteria wraps the container's refusal of the caller in an IllegalStateException.
      return refuseCaller(request, response, verified.caller(), e);
    }
  }

  /**
   * A GET or HEAD of the console's static files (CONTRACT section 2): they hold no catalog data,
   * and the console sends the caller's token with each API call it makes. Decided on the servlet
   * that serves the request, not on the URI's text, so that no spelling of a path reaches the API.
   */
  static boolean isConsoleAsset(HttpServletRequest request) {
    String method = request.getMethod();
    return ("GET".equals(method) || "HEAD".equals(method))
        && ConsoleAssetServlet.NAME.equals(request.getHttpServletMapping().getServletName());
  }

  /** The token of a request: {@code X-Auth-Token} wins; a bearer token is the fallback. */
  static String tokenOf(String xAuthToken, String authorization) {
    if (xAuthToken != null && !xAuthToken.isBlank()) {
      return xAuthToken.strip();
    }
    if (authorization != null
        && authorization.length() > BEARER.length()
        && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      String token = authorization.substring(BEARER.length()).strip();
      return token.isEmpty() ? null : token;
    }
    return null;
  }

  /**
   * A valid token whose caller the container would not log in: 403, since the token itself is fine.
   * This is the server's configuration, not the caller's fault: on WildFly, a deployment whose
   * security domain checks callers against its own realm (integrated JASPI, as the default domain
   * {@code other} does) refuses every token's caller with ELY01177. The first refusal is logged as
   * a warning that says so; later ones at FINE, so that a flood of requests does not flood the log.
   */
  private AuthenticationStatus refuseCaller(
      HttpServletRequest request, HttpServletResponse response, Caller caller, Exception cause) {
    String requestId = RequestIds.ensure(request, response);
    Level level = callerRefusalLogged.compareAndSet(false, true) ? Level.WARNING : Level.FINE;
    LOG.log(
        level,
        cause,
        () ->
            "request "
                + requestId
                + ": the server refused to log in "
                + caller
                + " although the token is valid; every caller answers 403 until the"
                + " deployment's security domain accepts the callers the application names (on"
                + " WildFly an application-security-domain with integrated-jaspi=false, as in"
                + " deploy/wildfly/backup-catalog.cli)");
    try {
      ErrorJson.write(response, ApiError.forbidden("The caller cannot be logged in"), requestId);
      complete(request, response);
    } catch (IOException e) {
      LOG.log(Level.FINE, "could not send the 403 of request " + requestId, e);
    }
    requestLog.answeredBeforeFilters(request, HttpServletResponse.SC_FORBIDDEN);
    return AuthenticationStatus.SEND_FAILURE;
  }

  /**
   * Ends the exchange on both sides: Undertow (WildFly) calls {@code sendError(401)} after a failed
   * authentication unless the request and the response are both complete, and that call on a
   * response already written fails and is logged at ERROR. The body of a HEAD's answer is never
   * written, so the response is closed; a request's body nobody will read is drained, up to the
   * largest body the catalog takes (a larger one leaves Undertow's log line, not a wrong answer).
   */
  private static void complete(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.getOutputStream().close();
    InputStream body = request.getInputStream();
    byte[] buffer = new byte[8192];
    long left = OversizedBodyFilter.LIMIT_BYTES + 1;
    for (int read; left > 0 && (read = body.read(buffer)) >= 0; ) {
      left -= read;
    }
  }

  /**
   * Writes the 401 itself and reports the failure as already answered, so that the container adds
   * nothing (its own 401 would be an HTML page).
   */
  private AuthenticationStatus refuse(
      HttpServletRequest request, HttpServletResponse response, String reason) {
    String requestId = RequestIds.ensure(request, response);
    LOG.log(
        Level.FINE,
        () ->
            requestId
                + " "
                + request.getMethod()
                + " "
                + request.getRequestURI()
                + " -> 401: "
                + reason);
    response.setHeader("WWW-Authenticate", "Bearer");
    try {
      ErrorJson.write(response, ApiError.unauthorized(), requestId);
      complete(request, response);
    } catch (IOException e) {
      LOG.log(Level.FINE, "could not send the 401 of request " + requestId, e);
    }
    // No filter of the application sees this request: it gets its access line and metrics here.
    requestLog.answeredBeforeFilters(request, HttpServletResponse.SC_UNAUTHORIZED);
    return AuthenticationStatus.SEND_FAILURE;
  }
}
