package org.backupcatalog.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backupcatalog.domain.item.ProjectId;
import org.backupcatalog.web.console.ConsoleAssetServlet;
import org.backupcatalog.web.operations.CatalogMetrics;
import org.backupcatalog.web.operations.RequestLog;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.Test;

class TokenAuthenticationMechanismTest {

  private final TokenAuthenticationMechanism mechanism = new TokenAuthenticationMechanism();

  {
    mechanism.configuration =
        new TokenConfiguration(
            new TokenVerifier(
                VerificationKeys.of(TestTokens.secretBytes(), null),
                TokenVerifier.DEFAULT_PROJECT_CLAIM,
                TokenVerifier.DEFAULT_ROLES_CLAIM));
    mechanism.requestLog = new RequestLog(new CatalogMetrics());
  }

  @Test
  void xAuthTokenWins() {
    assertEquals("a", TokenAuthenticationMechanism.tokenOf("a", "Bearer b"));
    assertEquals("a", TokenAuthenticationMechanism.tokenOf(" a ", null));
  }

  @Test
  void bearerIsTheFallback() {
    assertEquals("b", TokenAuthenticationMechanism.tokenOf(null, "Bearer b"));
    assertEquals("b", TokenAuthenticationMechanism.tokenOf("  ", "bearer  b"));
    assertEquals("b", TokenAuthenticationMechanism.tokenOf("", "BEARER b"));
  }

  @Test
  void noTokenWithoutEither() {
    assertNull(TokenAuthenticationMechanism.tokenOf(null, null));
    assertNull(TokenAuthenticationMechanism.tokenOf(null, "Basic dXNlcjpwdw=="));
    assertNull(TokenAuthenticationMechanism.tokenOf(null, "Bearer "));
    assertNull(TokenAuthenticationMechanism.tokenOf(null, "Bearer"));
    assertNull(TokenAuthenticationMechanism.tokenOf(null, "Bearerxyz"));
  }

  @Test
  void validTokenLogsTheCallerInWithItsRoles() {
    Exchange exchange =
        new Exchange(Map.of("X-Auth-Token", TestTokens.admin("project-a").subject("ann").build()));
    assertEquals(AuthenticationStatus.SUCCESS, exchange.run(mechanism));
    assertEquals(new Caller("ann", new ProjectId("project-a")), exchange.loggedIn);
    assertEquals(Set.of(Roles.ADMIN), exchange.groups);
    assertEquals(0, exchange.body.size());
  }

  @Test
  void bearerTokenWorksToo() {
    Exchange exchange =
        new Exchange(Map.of("Authorization", "Bearer " + TestTokens.of("project-a")));
    assertEquals(AuthenticationStatus.SUCCESS, exchange.run(mechanism));
    assertEquals(Set.of(), exchange.groups);
  }

  /**
   * What WildFly does when the deployment's security domain looks callers up in its own realm
   * (ELY01177, which Soteria wraps in an IllegalStateException): a JSON 403, never a 500.
   */
  @Test
  void aValidTokenWhoseCallerTheContainerRefusesIs403Json() {
    Exchange exchange =
        new Exchange(
            Map.of(
                "X-Auth-Token", TestTokens.member("project-a").build(), "X-Request-Id", "req-4"));
    exchange.containerRefusesLogin = true;
    assertEquals(AuthenticationStatus.SEND_FAILURE, exchange.run(mechanism));
    assertEquals(403, exchange.status);
    assertTrue(exchange.contentType.startsWith("application/json"), exchange.contentType);
    assertEquals("req-4", exchange.headers.get("X-Request-Id"));
    JsonObject body =
        Json.createReader(new StringReader(exchange.body.toString(StandardCharsets.UTF_8)))
            .readObject();
    assertEquals("APIGW.0302", body.getString("error_code"));
    assertEquals("req-4", body.getString("request_id"));
    assertEquals(Set.of("error_code", "error_msg", "request_id"), body.keySet());
  }

  @Test
  void missingTokenIs401Json() {
    Exchange exchange = new Exchange(Map.of("X-Request-Id", "req-1"));
    assertEquals(AuthenticationStatus.SEND_FAILURE, exchange.run(mechanism));
    assertUnauthorized(exchange, "req-1");
  }

  @Test
  void invalidTokenIs401JsonWithANewRequestId() {
    Exchange exchange =
        new Exchange(Map.of("X-Auth-Token", TestTokens.admin("project-a").unsecured().build()));
    assertEquals(AuthenticationStatus.SEND_FAILURE, exchange.run(mechanism));
    assertNull(exchange.loggedIn);
    assertEquals(36, exchange.headers.get("X-Request-Id").length());
    assertUnauthorized(exchange, exchange.headers.get("X-Request-Id"));
  }

  @Test
  void theOperationalEndpointsNeedNoTokenForGetAndHead() {
    for (String servlet : PublicPaths.OPERATIONAL_SERVLETS) {
      for (String method : List.of("GET", "HEAD")) {
        Exchange exchange = new Exchange(Map.of(), method, servlet);
        assertEquals(AuthenticationStatus.NOT_DONE, exchange.run(mechanism), method + servlet);
        assertEquals(0, exchange.body.size());
      }
    }
  }

  @Test
  void theOperationalEndpointsNeedATokenForOtherMethods() {
    for (String servlet : PublicPaths.OPERATIONAL_SERVLETS) {
      Exchange exchange = new Exchange(Map.of("X-Request-Id", "req-3"), "POST", servlet);
      assertEquals(AuthenticationStatus.SEND_FAILURE, exchange.run(mechanism), servlet);
      assertUnauthorized(exchange, "req-3");
    }
  }

  @Test
  void consoleFilesNeedNoTokenForGetAndHead() {
    for (String method : List.of("GET", "HEAD")) {
      Exchange exchange = new Exchange(Map.of(), method, ConsoleAssetServlet.NAME);
      assertEquals(AuthenticationStatus.NOT_DONE, exchange.run(mechanism), method);
      assertNull(exchange.loggedIn);
      assertEquals(200, exchange.status);
      assertEquals(0, exchange.body.size());
    }
  }

  @Test
  void consoleFilesNeedATokenForOtherMethods() {
    Exchange exchange =
        new Exchange(Map.of("X-Request-Id", "req-2"), "POST", ConsoleAssetServlet.NAME);
    assertEquals(AuthenticationStatus.SEND_FAILURE, exchange.run(mechanism));
    assertUnauthorized(exchange, "req-2");
  }

  private static void assertUnauthorized(Exchange exchange, String requestId) {
    assertEquals(401, exchange.status);
    assertTrue(exchange.contentType.startsWith("application/json"), exchange.contentType);
    assertEquals(requestId, exchange.headers.get("X-Request-Id"));
    assertEquals("Bearer", exchange.headers.get("WWW-Authenticate"));
    JsonObject body =
        Json.createReader(new StringReader(exchange.body.toString(StandardCharsets.UTF_8)))
            .readObject();
    assertEquals("APIGW.0301", body.getString("error_code"));
    assertEquals(requestId, body.getString("request_id"));
    assertTrue(body.getString("error_msg").length() > 0);
    assertEquals(Set.of("error_code", "error_msg", "request_id"), body.keySet());
  }

  /** One request through the mechanism, with just enough of the servlet API behind it. */
  private static final class Exchange {

    final Map<String, String> requestHeaders;
    final String method;
    final String servletName;
    final Map<String, Object> attributes = new HashMap<>();
    final Map<String, String> headers = new HashMap<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    int status = 200;
    String contentType;
    boolean committed;
    Principal loggedIn;
    Set<String> groups;
    boolean containerRefusesLogin;

    Exchange(Map<String, String> requestHeaders) {
      this(requestHeaders, "GET", "org.backupcatalog.web.CatalogApplication");
    }

    /** A request with this method, served by the servlet of this name. */
    Exchange(Map<String, String> requestHeaders, String method, String servletName) {
      this.requestHeaders = requestHeaders;
      this.method = method;
      this.servletName = servletName;
    }

    AuthenticationStatus run(TokenAuthenticationMechanism mechanism) {
      return mechanism.validateRequest(request(), response(), context());
    }

    private HttpServletRequest request() {
      return proxy(
          HttpServletRequest.class,
          (name, args) ->
              switch (name) {
                case "getHeader" -> requestHeaders.get((String) args[0]);
                case "getAttribute" -> attributes.get((String) args[0]);
                case "setAttribute" -> attributes.put((String) args[0], args[1]);
                case "getMethod" -> method;
                case "getRequestURI" -> "/v1/project-a/checkpoint_items";
                case "getContextPath" -> "";
                case "getUserPrincipal", "getParameterValues", "getQueryString" -> null;
                case "getHttpServletMapping" -> mapping();
                case "getInputStream" -> requestBody();
                default -> throw new UnsupportedOperationException(name);
              });
    }

    /** A request with a small body, which the 401 drains. */
    private ServletInputStream requestBody() {
      ByteArrayInputStream bytes = new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8));
      return new ServletInputStream() {
        @Override
        public int read() {
          return bytes.read();
        }

        @Override
        public boolean isFinished() {
          return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {}
      };
    }

    private HttpServletMapping mapping() {
      return proxy(
          HttpServletMapping.class,
          (name, args) -> {
            if (name.equals("getServletName")) {
              return servletName;
            }
            throw new UnsupportedOperationException(name);
          });
    }

    private HttpServletResponse response() {
      ServletOutputStream out =
          new ServletOutputStream() {
            @Override
            public void write(int b) {
              body.write(b);
            }

            @Override
            public boolean isReady() {
              return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {}
          };
      return proxy(
          HttpServletResponse.class,
          (name, args) ->
              switch (name) {
                case "isCommitted" -> committed;
                case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                case "setStatus" -> status = (Integer) args[0];
                case "setContentType" -> contentType = (String) args[0];
                case "setContentLength", "resetBuffer" -> null;
                case "getOutputStream" -> out;
                case "flushBuffer" -> committed = true;
                default -> throw new UnsupportedOperationException(name);
              });
    }

    private HttpMessageContext context() {
      return proxy(
          HttpMessageContext.class,
          (name, args) -> {
            if (name.equals("notifyContainerAboutLogin") && containerRefusesLogin) {
              throw new IllegalStateException(
                  new IOException(new IOException("ELY01177: Authorization failed.")));
            }
            if (name.equals("notifyContainerAboutLogin") && args.length == 2) {
              loggedIn = (Principal) args[0];
              @SuppressWarnings("unchecked")
              Set<String> given = (Set<String>) args[1];
              groups = given;
              return AuthenticationStatus.SUCCESS;
            }
            if (name.equals("doNothing")) {
              return AuthenticationStatus.NOT_DONE;
            }
            throw new UnsupportedOperationException(name);
          });
    }
  }

  private interface Call {
    Object answer(String method, Object[] args);
  }

  private static <T> T proxy(Class<T> type, Call call) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) ->
                call.answer(method.getName(), args == null ? new Object[0] : args)));
  }
}
