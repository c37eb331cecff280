package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import java.util.LinkedHashSet;
import java.util.Set;

/** Small combinators shared by the modules: version gates, batch wrappers, fields on demand. */
public final class Methods {
  private Methods() {}

  /** The method exists only from {@code since}; older versions answer {@code not_found}. */
  public static Handler since(ApiVersion since, Handler h) {
    return call -> {
      if (!call.version().atLeast(since)) {
        throw ApiError.methodNotFound(call.method(), call.version());
      }
      return h.handle(call);
    };
  }

  /** The method exists only up to {@code last}; later versions answer {@code not_found}. */
  public static Handler until(ApiVersion last, Handler h) {
    return call -> {
      if (call.version().compareTo(last) > 0) {
        throw ApiError.methodNotFound(call.method(), call.version());
      }
      return h.handle(call);
    };
  }

  /**
   * A 3.5+ batch method over a single-item handler: {@code {"requests":[…]}} → {@code
   * {"responses":[…]}} in the requests' order, each item either the plain result or {@code
   * {"error":{…}}}. Items run in {@link Call#batchOrder()} and fail one by one; successes stay
   * applied.
   */
  public static Handler batch(Handler single) {
    return since(
        ApiVersion.V3_5,
        call -> {
          JsonNode requests = call.body().get("requests");
          if (requests == null || !requests.isArray()) {
            throw ApiError.validation("`requests` is required and must be an array");
          }
          // Items run in the call's batch order (seeded-random over HTTP: the docs promise no
          // order); responses keep the requests' order.
          JsonNode[] results = new JsonNode[requests.size()];
          String singleMethod = call.method().replaceFirst("^batch_", "").replaceFirst("s$", "");
          for (int i : call.batchOrder().order(requests.size())) {
            JsonNode item = requests.get(i);
            try {
              if (!item.isObject()) {
                throw ApiError.validation("`requests[" + i + "]` must be an object");
              }
              results[i] =
                  single.handle(
                      new Call(
                          call.version(),
                          singleMethod,
                          (ObjectNode) item,
                          call.clientId(),
                          call.batchOrder()));
            } catch (ApiError e) {
              results[i] = errorBody(e);
            }
          }
          ArrayNode responses = Params.array();
          for (JsonNode r : results) {
            responses.add(r);
          }
          ObjectNode out = Params.object();
          out.set("responses", responses);
          return out;
        });
  }

  /** The documented error body {@code {"error":{"type","message","data"?}}}. */
  public static ObjectNode errorBody(ApiError e) {
    ObjectNode out = Params.object();
    ObjectNode err = out.putObject("error");
    err.put("type", e.type());
    err.put("message", e.getMessage());
    e.data().ifPresent(d -> err.set("data", d));
    return out;
  }

  /**
   * The {@code fields} array of a get/list call: extra fields the caller asks for. Names outside
   * {@code allowed} are rejected so a client asking for a field that does not exist finds out.
   */
  public static Set<String> fields(JsonNode body, Set<String> allowed) {
    return new LinkedHashSet<>(
        Params.optStrings(body, "fields", allowed).orElse(java.util.List.of()));
  }

  /** The empty answer of most write methods. */
  public static ObjectNode empty() {
    return Params.object();
  }
}
