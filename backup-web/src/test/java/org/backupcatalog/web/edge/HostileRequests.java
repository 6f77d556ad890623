package org.backupcatalog.web.edge;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.backupcatalog.web.testing.TestTokens;

/**
 * A seeded generator of raw HTTP requests as a hostile client writes them: methods HTTP defines and
 * does not, odd targets (encoded NUL, bad escapes, overlong UTF-8, {@code ..}, {@code //}, absolute
 * form, very long), the query parameters of CONTRACT section 3 repeated and malformed, huge and
 * malformed headers, tokens of every broken kind next to valid ones, and bodies that are truncated,
 * nested 10,000 deep, not UTF-8, over 1 MiB, of wrong types, chunked or with a lying length.
 *
 * <p>Valid tokens are members of every project, and engines and admins whose writes can only reach
 * {@link #WRITABLE}: an admin writes with plain targets into it only, an engine's token names it.
 * So any change to another project is a broken rule.
 */
final class HostileRequests {

  /** The project a request may be allowed to write. */
  static final String WRITABLE = "hostile-w";

  /** Projects no generated request may change; their items' ids start with their prefix. */
  static final List<String> READ_ONLY = List.of("hostile-a", "hostile-b");

  private static final String[] METHODS = {
    "GET",
    "GET",
    "GET",
    "GET",
    "HEAD",
    "PUT",
    "PUT",
    "PUT",
    "DELETE",
    "DELETE",
    "POST",
    "OPTIONS",
    "TRACE",
    "PATCH",
    "CONNECT",
    "PROPFIND",
    "get",
    "Put",
    "FOO",
    "M-SEARCH",
    "BREW"
  };

  private static final String[] PARAMETERS = {
    "limit",
    "marker",
    "offset",
    "sort",
    "all_tenants",
    "name",
    "resource_name",
    "status",
    "az",
    "resource_id",
    "checkpoint_id",
    "policy_id",
    "resource_type",
    "image_type",
    "ip",
    "start_time",
    "end_time",
    "dec",
    "enterprise_project_id"
  };

  private static final String[] VALUES = {
    "",
    "1",
    "0",
    "-1",
    "5",
    "1000",
    "99999999999999999999",
    "abc",
    "true",
    "false",
    "TRUE",
    "1.5",
    "available",
    "error",
    "nope",
    "name:asc",
    "created_at:desc,id",
    "name:",
    ",",
    "name,name",
    "2024-01-01T00:00:00Z",
    "2024-13-45T99:99:99",
    "2024-01-01T00:00:00.1234567",
    "%ZZ",
    "%00",
    "%C0%AE",
    "%E2%82",
    "a+b",
    "%2C",
    "ha-1",
    "hb-1",
    "hw-1",
    "x'; DROP TABLE t; --",
    "\u00e4",
    "%F0%9F%92%BE"
  };

  private static final String[] ACCEPTS = {
    null,
    null,
    "application/json",
    "*/*",
    "application/xml",
    "text/html",
    "application/*",
    "application/json;q=0",
    "garbage;;",
    "text/plain, application/json;q=0.1",
    "/",
    "*/*;q=abc"
  };

  private static final String[] CONTENT_TYPES = {
    "application/json",
    "application/json",
    "application/json; charset=UTF-8",
    null,
    "text/plain",
    "application/xml",
    "application/json; charset=ISO-8859-1",
    "garbage",
    "a/b/c",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    ";"
  };

  private final Random random;
  private final List<Token> tokens;

  HostileRequests(long seed) {
    this.random = new Random(seed);
    this.tokens = tokens();
  }

  /** A token as sent, the member project it stands for (or null), what it may do. */
  private record Token(String header, String value, String member, boolean writer, String kind) {}

  private static List<Token> tokens() {
    List<Token> all = new ArrayList<>();
    for (String project : List.of("hostile-a", "hostile-b", WRITABLE)) {
      String member = TestTokens.member(project).build();
      all.add(new Token("X-Auth-Token", member, project, false, "member " + project));
      all.add(
          new Token(
              "Authorization", "Bearer " + member, project, false, "bearer member " + project));
    }
    all.add(
        new Token(
            "X-Auth-Token", TestTokens.engine(WRITABLE).build(), null, true, "engine " + WRITABLE));
    all.add(new Token("X-Auth-Token", TestTokens.admin(WRITABLE).build(), null, true, "admin"));
    String valid = TestTokens.member("hostile-a").build();
    Instant past = Instant.now().minus(Duration.ofDays(2));
    String[][] broken = {
      {
        "expired",
        TestTokens.member("hostile-a").issuedAt(past).expiresAt(past.plusSeconds(60)).build()
      },
      {
        "bad signature",
        TestTokens.admin(WRITABLE)
            .hs256("another-secret-of-32-bytes-or-more-0123".getBytes(StandardCharsets.UTF_8))
            .build()
      },
      {"alg none", TestTokens.admin(WRITABLE).unsecured().build()},
      {"no signature", TestTokens.admin(WRITABLE).stripSignature().build()},
      {
        "not yet valid",
        TestTokens.member("hostile-a").notBefore(Instant.now().plus(Duration.ofDays(1))).build()
      },
      {"no project", TestTokens.member("hostile-a").without("project_id").build()},
      {"roles not a list", TestTokens.member(WRITABLE).claim("roles", "admin").build()},
      {"project not a string", TestTokens.member(WRITABLE).claim("project_id", 42).build()},
      {"garbage", "garbage"},
      {"three dots", "..."},
      {"empty", ""},
      {"truncated", valid.substring(0, valid.length() / 2)},
      {"signature one byte longer", valid + "x"},
      {"huge", "e" + "A".repeat(6000)},
      {"non-ASCII", "\u00ff\u00fe\u00e4"}
    };
    for (String[] token : broken) {
      all.add(new Token("X-Auth-Token", token[1], null, false, token[0] + " token"));
    }
    all.add(new Token(null, null, null, false, "no token"));
    return all;
  }

  HostileRequest next() {
    StringBuilder description = new StringBuilder();
    Set<ListenerCase> cases = EnumSet.noneOf(ListenerCase.class);
    String method = pick(METHODS);
    Token token = pick(tokens);
    if (token.writer() && isWrite(method)) {
      // Admins and engines may write any project: their writes stay on plain targets in WRITABLE.
      method = random.nextBoolean() ? "GET" : method;
    }
    boolean plain = token.writer() && isWrite(method);
    String project = plain ? WRITABLE : pickProject();
    Target target = target(project, plain);
    cases.addAll(target.cases());
    description.append(method).append(' ').append(target.description());
    String version = "HTTP/1.1";
    int roll = random.nextInt(200);
    if (roll == 0) {
      version = "HTTP/9.9";
      cases.add(ListenerCase.UNKNOWN_VERSION);
    } else if (roll == 1) {
      version = "HTTP/1.0";
    } else if (roll == 2) {
      version = "HTTP/1.1 extra";
      cases.add(ListenerCase.TEXT_AFTER_VERSION);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (random.nextInt(500) == 0) {
      // Not HTTP at all: a TLS hello or random bytes on the plain port.
      byte[] garbage = new byte[1 + random.nextInt(300)];
      random.nextBytes(garbage);
      return new HostileRequest(
          garbage, "binary garbage", EnumSet.of(ListenerCase.NOT_HTTP), true, null, null, false);
    }
    write(out, method + " " + target.text() + " " + version + "\r\n");
    List<String> headers = new ArrayList<>();
    if (random.nextInt(100) != 0) {
      headers.add("Host: localhost");
    } else {
      description.append(", no Host");
      cases.add(ListenerCase.NO_HOST);
    }
    headers.add("Connection: close");
    if (token.header() != null) {
      headers.add(token.header() + ": " + token.value());
    }
    description.append(", ").append(token.kind());
    if (token.value() != null && !token.value().chars().allMatch(c -> c < 128)) {
      cases.add(ListenerCase.NON_ASCII_HEADER);
    }
    String accept = pick(ACCEPTS);
    if (accept != null) {
      headers.add("Accept: " + accept);
      description.append(", Accept ").append(accept);
    }
    String requestId = null;
    // Most requests are well-framed, so that the application, not the listener, answers most.
    switch (random.nextInt(36)) {
      case 0, 7, 8, 9 -> {
        requestId = "hostile-" + random.nextInt(1_000_000);
        headers.add("X-Request-Id: " + requestId);
      }
      case 1 -> headers.add("X-Request-Id: " + "r".repeat(300));
      case 2 -> headers.add("If-Match: " + pick(new String[] {"*", "\"x\"", "garbage", "W/\"1\""}));
      case 3 -> {
        headers.add("X-Filler: " + "f".repeat(70_000));
        description.append(", a 70 KB header");
      }
      case 4 -> {
        headers.add("NoColonHere");
        description.append(", a header line without a colon");
        cases.add(ListenerCase.HEADER_WITHOUT_COLON);
      }
      case 5 -> {
        headers.add("X-Control: a\u0001b");
        description.append(", a control byte in a header");
        cases.add(ListenerCase.CONTROL_BYTE_IN_HEADER);
      }
      case 6 -> {
        for (int i = 0; i < 150; i++) {
          headers.add("X-Many-" + i + ": " + i);
        }
        description.append(", 150 headers");
        cases.add(ListenerCase.MANY_HEADERS);
      }
      default -> {}
    }
    Body body = body(method);
    cases.addAll(body.cases());
    if (body.bytes() != null || body.chunked()) {
      String type = pick(CONTENT_TYPES);
      if (type != null) {
        headers.add("Content-Type: " + type);
        description.append(", Content-Type ").append(type);
      }
    }
    headers.addAll(body.headers());
    description.append(body.description());
    for (String header : headers) {
      write(out, header + "\r\n");
    }
    write(out, "\r\n");
    if (out.size() > 8192) {
      cases.add(ListenerCase.HEAD_OVER_8_KB);
    }
    if (body.bytes() != null) {
      out.writeBytes(body.bytes());
    }
    return new HostileRequest(
        out.toByteArray(),
        description.toString(),
        cases,
        body.halfClose(),
        token.member(),
        requestId,
        method.equals("HEAD"));
  }

  private record Target(String text, String description, Set<ListenerCase> cases) {}

  private Target target(String project, boolean plain) {
    String base = "/v1/" + project + "/checkpoint_items";
    String path =
        switch (random.nextInt(12)) {
          case 0, 1, 2, 3 -> base;
          case 4 -> base + "/count";
          case 5, 6, 7, 8 -> base + "/" + itemId(project);
          case 9 ->
              pick(
                  new String[] {
                    "/",
                    "/v1",
                    "/v2/x",
                    "/v1/" + project,
                    "/console/",
                    "/console/index.html",
                    "/console/../v1/" + project + "/checkpoint_items",
                    "/_container/error",
                    "/application.wadl",
                    "/health",
                    "/v1/" + project + "/count"
                  });
          default -> base + "/" + itemId(project) + "/more";
        };
    if (plain) {
      return new Target(path, path, Set.of());
    }
    Set<ListenerCase> cases = EnumSet.noneOf(ListenerCase.class);
    String text = path;
    switch (random.nextInt(45)) {
      case 0 -> {
        text = insert(path, "%00");
        cases.add(ListenerCase.ENCODED_NUL_IN_PATH);
      }
      case 1 -> {
        text = insert(path, "%ZZ");
        cases.add(ListenerCase.BAD_ESCAPE_IN_PATH);
      }
      case 2 -> {
        text = insert(path, "%C0%AE%C0%AE");
        cases.add(ListenerCase.OVERLONG_UTF8_IN_PATH);
      }
      case 3 -> text = path.replace("/checkpoint_items", "/../" + project + "/checkpoint_items");
      case 4 -> text = path.replace("/", "//");
      case 5 -> text = "http://localhost" + path;
      case 6 -> text = path + "/" + "x".repeat(1 + random.nextInt(6000));
      case 7 -> {
        text = path + "/" + "y".repeat(70_000);
      }
      case 8 -> text = insert(path, "%2F");
      case 9 -> {
        text = insert(path, "%5C");
        cases.add(ListenerCase.ENCODED_BACKSLASH_IN_PATH);
      }
      case 10 -> {
        text = insert(path, "\u00c3\u00a9");
        cases.add(ListenerCase.RAW_UTF8_IN_PATH);
      }
      case 11 -> {
        text = insert(path, " ");
        cases.add(ListenerCase.BLANK_IN_TARGET);
      }
      case 12 -> text = path + ";jsessionid=1";
      case 13 -> text = path + "/";
      case 14 -> {
        // A byte that is not UTF-8 on its own: the container's URI decoding refuses it.
        text = insert(path, "%E9");
        cases.add(ListenerCase.NON_UTF8_ESCAPE_IN_PATH);
      }
      case 15 -> text = "*";
      case 16 -> {
        text = insert(path, "\t");
        cases.add(ListenerCase.BLANK_IN_TARGET);
      }
      case 17 -> text = path.replace("checkpoint_items", "CHECKPOINT_ITEMS");
      case 18 -> text = path.replace("/v1/", "/v1/%2e%2e/");
      default -> {}
    }
    String query = query();
    if (hasBadEscape(query)) {
      cases.add(ListenerCase.BAD_ESCAPE_IN_QUERY);
    }
    return new Target(text + query, text + query, cases);
  }

  private String query() {
    if (random.nextInt(3) == 0) {
      return "";
    }
    StringBuilder query = new StringBuilder("?");
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        query.append(random.nextInt(10) == 0 ? "&&" : "&");
      }
      String name = pick(PARAMETERS);
      query.append(random.nextInt(20) == 0 ? name.toUpperCase() : name);
      if (random.nextInt(15) != 0) {
        query.append('=').append(encodeLoosely(pick(VALUES)));
      }
      if (random.nextInt(6) == 0) {
        // The same parameter again: 400 for the single-valued ones.
        query.append('&').append(name).append('=').append(encodeLoosely(pick(VALUES)));
      }
    }
    if (random.nextInt(40) == 0) {
      query.append("&name=").append("n".repeat(300));
    }
    return query.toString();
  }

  /** Spaces and non-ASCII escaped as a browser would; everything else, escapes too, raw. */
  private static String encodeLoosely(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c == ' ' || c > 126 || c < 33 || c == '#') {
        out.append('%').append(String.format("%02X", c));
      } else {
        out.append((char) c);
      }
    }
    return out.toString();
  }

  private record Body(
      byte[] bytes,
      List<String> headers,
      String description,
      Set<ListenerCase> cases,
      boolean halfClose,
      boolean chunked) {}

  private Body body(String method) {
    boolean usual =
        method.equalsIgnoreCase("PUT") || method.equals("POST") || method.equals("PATCH");
    if (!usual && random.nextInt(8) != 0) {
      return new Body(null, List.of(), "", Set.of(), false, false);
    }
    int kind = random.nextInt(100);
    byte[] content;
    String what;
    if (kind < 30) {
      content = utf8(validItem());
      what = "a valid item";
    } else if (kind < 40) {
      content = utf8(wrongTypes());
      what = "wrong types";
    } else if (kind < 47) {
      String item = validItem();
      content = utf8(item.substring(0, random.nextInt(item.length())));
      what = "truncated JSON";
    } else if (kind < 52) {
      content = nested(10_000);
      what = "nested 10,000 deep";
    } else if (kind < 58) {
      content = new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'};
      what = "not UTF-8";
    } else if (kind < 60) {
      content = new byte[1024 * 1024 + 1];
      java.util.Arrays.fill(content, (byte) ' ');
      content[0] = '{';
      what = "1 MiB + 1";
    } else if (kind < 66) {
      content =
          utf8(
              pick(
                  new String[] {
                    "",
                    "null",
                    "[]",
                    "{}",
                    "\"x\"",
                    "1e999999",
                    "{\"checkpoint_item\": null}",
                    "{\"checkpoint_item\": []}"
                  }));
      what = "an odd JSON value";
    } else if (kind < 72) {
      return chunked(utf8(validItem()), random.nextInt(4) == 0);
    } else if (kind < 80) {
      byte[] item = utf8(validItem());
      // Says more than is sent: the server sees the end of the stream first.
      return new Body(
          item,
          List.of("Content-Length: " + (item.length + 1 + random.nextInt(100))),
          ", a Content-Length longer than the body",
          Set.of(),
          true,
          false);
    } else if (kind < 85) {
      byte[] item = utf8(validItem());
      return new Body(
          item,
          List.of("Content-Length: " + random.nextInt(item.length)),
          ", a Content-Length shorter than the body",
          Set.of(),
          false,
          false);
    } else if (kind < 90) {
      byte[] item = utf8(validItem());
      String length = pick(new String[] {"abc", "-1", "1, 2", "99999999999999999999"});
      return new Body(
          item,
          List.of("Content-Length: " + length),
          ", Content-Length " + length,
          EnumSet.of(ListenerCase.BAD_CONTENT_LENGTH),
          true,
          false);
    } else {
      content =
          utf8(
              pick(
                  new String[] {
                    "not json",
                    "<xml/>",
                    "{'single': 'quotes'}",
                    "{\"a\":1,}",
                    "{\"checkpoint_item\": {\"name\": \"\\ud800\"}}"
                  }));
      what = "not JSON";
    }
    return new Body(
        content,
        List.of("Content-Length: " + content.length),
        ", body " + what,
        Set.of(),
        false,
        false);
  }

  private Body chunked(byte[] content, boolean broken) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < content.length) {
      int n = Math.min(content.length - at, 1 + random.nextInt(64));
      write(out, (broken && at == 0 ? "zz" : Integer.toHexString(n)) + "\r\n");
      out.write(content, at, n);
      write(out, "\r\n");
      at += n;
    }
    write(out, "0\r\n\r\n");
    List<String> headers = new ArrayList<>(List.of("Transfer-Encoding: chunked"));
    boolean both = random.nextInt(5) == 0;
    Set<ListenerCase> cases = EnumSet.noneOf(ListenerCase.class);
    if (broken) {
      cases.add(ListenerCase.BAD_CHUNK_SIZE);
    }
    if (both) {
      headers.add("Content-Length: " + content.length);
      cases.add(ListenerCase.CHUNKED_AND_LENGTH);
    }
    return new Body(
        out.toByteArray(),
        headers,
        ", chunked"
            + (broken ? " with a bad chunk size" : "")
            + (both ? " and a Content-Length" : ""),
        cases,
        false,
        true);
  }

  private String validItem() {
    return "{\"checkpoint_item\": {\"name\": \"hostile_"
        + random.nextInt(1000)
        + "\", \"status\": \""
        + pick(new String[] {"available", "protecting", "error"})
        + "\", \"resource_id\": \"vm-"
        + random.nextInt(50)
        + "\", \"resource_type\": \"OS::Nova::Server\", \"created_at\": \"2024-05-01T10:00:00Z\"}}";
  }

  private String wrongTypes() {
    return pick(
        new String[] {
          "{\"checkpoint_item\": {\"name\": 5, \"status\": \"available\"}}",
          "{\"checkpoint_item\": {\"name\": \"n\", \"status\": true, \"resource_id\": []}}",
          "{\"checkpoint_item\": {\"name\": \"n\", \"status\": \"available\", \"resource_id\": \"r\","
              + " \"resource_type\": \"OS::Nova::Server\", \"created_at\": 1714557600}}",
          "{\"checkpoint_item\": {\"name\": \"n\", \"status\": \"available\", \"resource_id\": \"r\","
              + " \"resource_type\": \"OS::Nova::Server\", \"created_at\": \"2024-05-01T10:00:00Z\","
              + " \"extend_info\": \"not an object\"}}",
          "{\"checkpoint_item\": {\"name\": \"" + "n".repeat(5000) + "\"}}",
          "{\"checkpoint_item\": \"string\"}"
        });
  }

  private byte[] nested(int depth) {
    boolean arrays = random.nextBoolean();
    StringBuilder json = new StringBuilder(depth * 6);
    json.append("{\"checkpoint_item\": ");
    for (int i = 0; i < depth; i++) {
      json.append(arrays ? "[" : "{\"a\":");
    }
    json.append("1");
    for (int i = 0; i < depth; i++) {
      json.append(arrays ? "]" : "}");
    }
    json.append('}');
    return utf8(json.toString());
  }

  private String itemId(String project) {
    return switch (random.nextInt(6)) {
      case 0 -> "count";
      case 1 -> "h" + project.charAt(project.length() - 1) + "-" + random.nextInt(12);
      case 2 -> "hw-" + random.nextInt(30);
      case 3 -> "unknown-" + random.nextInt(1000);
      case 4 -> "-";
      default -> "h" + project.charAt(project.length() - 1) + "-" + random.nextInt(40);
    };
  }

  private String pickProject() {
    return switch (random.nextInt(8)) {
      case 0, 1, 2 -> READ_ONLY.get(random.nextInt(READ_ONLY.size()));
      case 3, 4, 5 -> WRITABLE;
      case 6 -> "bad.project~id";
      default -> "p".repeat(1 + random.nextInt(80));
    };
  }

  private static boolean isWrite(String method) {
    return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
  }

  private String insert(String path, String what) {
    if (path.length() < 2) {
      return path + what;
    }
    int at = 1 + random.nextInt(path.length() - 1);
    return path.substring(0, at) + what + path.substring(at);
  }

  /** A {@code %} not followed by two hex digits, which no decoder can read. */
  static boolean hasBadEscape(String text) {
    for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
      if (i + 2 >= text.length()
          || Character.digit(text.charAt(i + 1), 16) < 0
          || Character.digit(text.charAt(i + 2), 16) < 0) {
        return true;
      }
    }
    return false;
  }

  private <T> T pick(T[] options) {
    return options[random.nextInt(options.length)];
  }

  private <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
