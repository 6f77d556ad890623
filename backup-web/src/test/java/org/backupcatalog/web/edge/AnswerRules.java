package org.backupcatalog.web.edge;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.backupcatalog.web.edge.RawHttp.Answer;
import org.backupcatalog.web.edge.RawHttp.Outcome;

/**
 * The rules every answer to a hostile request keeps (docs/edge.md): one arrives; no 5xx (a 501 for
 * a method HTTP does not define only with a code of ours); every error is the contract's JSON with
 * {@code X-Request-Id}, the client's own when usable; nothing internal in a message; a member's
 * answer holds no item of another project. A request holding what the server's listener refuses
 * before any hook ({@link Listener}) may instead get exactly the listener's bare answer.
 */
final class AnswerRules {

  private static final Set<String> ERROR_KEYS = Set.of("error_code", "error_msg", "request_id");
  private static final List<String> INTERNALS =
      List.of("Exception", "java.", "org.", "jakarta.", "SQL", "at line", "\tat ");

  private AnswerRules() {}

  /** The broken rules, empty when the answer keeps them all. */
  static List<String> check(HostileRequest request, Answer answer, Listener listener) {
    List<String> broken = new ArrayList<>();
    Set<Integer> refusals = listener.refusals(request.cases());
    if (answer.outcome() != Outcome.ANSWERED) {
      int outcome = answer.outcome() == Outcome.CLOSED ? Listener.CLOSED : Listener.TIMED_OUT;
      if (!refusals.contains(outcome)) {
        broken.add("no answer (" + answer.outcome() + "), which " + listener + " may not give");
      }
      return broken;
    }
    int status = answer.status();
    String requestId = answer.header("X-Request-Id");
    if (requestId == null && !refusals.isEmpty()) {
      // The listener's own answer (docs/edge.md): bare, and only what its table allows for
      // what the request holds; the empty 200 of payara/Payara#8000 has no body.
      if (!refusals.contains(status)) {
        broken.add(listener + " answered " + status + ", its table allows " + refusals);
      }
      if (status < 400 && answer.body().length > 0) {
        broken.add(listener + " answered " + status + " with a body");
      }
      return broken;
    }
    if (requestId == null) {
      broken.add("no X-Request-Id");
    }
    if (status >= 500 && !(status == 501 && requestId != null)) {
      broken.add("server error " + status);
    }
    if (status >= 400) {
      checkError(request, answer, requestId, broken);
    } else if (request.member() != null && status == 200 && !request.head() && isJson(answer)) {
      checkIsolation(request.member(), answer, broken);
    }
    if (request.requestId() != null
        && requestId != null
        && !request.requestId().equals(requestId)) {
      broken.add("X-Request-Id " + requestId + " is not the client's " + request.requestId());
    }
    return broken;
  }

  private static void checkError(
      HostileRequest request, Answer answer, String requestId, List<String> broken) {
    if (request.head() && answer.body().length == 0) {
      return;
    }
    String type = answer.header("Content-Type");
    if (type == null || !type.toLowerCase().startsWith("application/json")) {
      broken.add("error " + answer.status() + " is not JSON: " + type);
      return;
    }
    JsonObject error;
    try {
      error = Json.createReader(new StringReader(answer.bodyText())).readObject();
    } catch (RuntimeException notJson) {
      broken.add("error body does not parse: " + notJson.getMessage());
      return;
    }
    if (!error.keySet().equals(ERROR_KEYS)) {
      broken.add("error keys " + error.keySet());
      return;
    }
    String code = error.getString("error_code", "");
    if (code.equals("CSBS.9999")) {
      broken.add("CSBS.9999 for a client's request");
    }
    if (requestId != null && !requestId.equals(error.getString("request_id", ""))) {
      broken.add("request_id differs from X-Request-Id");
    }
    String message = error.getString("error_msg", "");
    for (String internal : INTERNALS) {
      if (message.contains(internal)) {
        broken.add("error_msg shows " + internal + ": " + message);
      }
    }
  }

  /** The console's files are the only other 200s a member gets; they hold no items. */
  private static boolean isJson(Answer answer) {
    String type = answer.header("Content-Type");
    return type != null && type.toLowerCase().startsWith("application/json");
  }

  /** Item ids start with their project's prefix ({@code ha-}, {@code hb-}, {@code hw-}). */
  private static void checkIsolation(String member, Answer answer, List<String> broken) {
    JsonStructure body;
    try {
      body = Json.createReader(new StringReader(answer.bodyText())).read();
    } catch (RuntimeException notJson) {
      broken.add("a JSON 200 that does not parse");
      return;
    }
    List<String> ids = new ArrayList<>();
    if (body instanceof JsonObject object) {
      if (object.get("checkpoint_items") instanceof JsonArray items) {
        for (JsonValue item : items) {
          ids.add(item.asJsonObject().getString("id", ""));
        }
      }
      if (object.get("checkpoint_item") instanceof JsonObject item) {
        ids.add(item.getString("id", ""));
      }
    }
    String own = prefixOf(member);
    for (String id : ids) {
      for (String project : projects()) {
        String prefix = prefixOf(project);
        if (!prefix.equals(own) && id.startsWith(prefix)) {
          broken.add("member of " + member + " sees item " + id + " of " + project);
        }
      }
    }
  }

  static List<String> projects() {
    List<String> all = new ArrayList<>(HostileRequests.READ_ONLY);
    all.add(HostileRequests.WRITABLE);
    return all;
  }

  /** {@code hostile-a} holds {@code ha-0}, {@code ha-1}, ... */
  static String prefixOf(String project) {
    return "h" + project.charAt(project.length() - 1) + "-";
  }
}
