package io.chatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The layer under {@link LiveChatClient} that {@link Probes}, {@link Batches} and every {@link
 * Answer} use: a call through the engine with a given retry safety, and the reading of its answer
 * by a descriptor (objects and ids checked as it declares, secrets it carries masked). None of them
 * calls back into the client that owns them.
 */
final class Wire {
  private final CallEngine engine;
  private final WireErrors errors;
  private final Redactor redactor;

  Wire(CallEngine engine, WireErrors errors, Redactor redactor) {
    this.engine = engine;
    this.errors = errors;
    this.redactor = redactor;
  }

  /** One call with {@code safety} deciding what an unclear failure allows; the answer's body. */
  JsonNode call(String method, JsonNode body, RetrySafety safety) {
    return engine.execute(method, body, safety).result();
  }

  /** {@code answer} read by {@code method}'s reader. */
  <T> T read(ApiMethod<T> method, JsonNode answer) {
    return method.reader().read(new Answer(this, method.name(), method.ids(), answer));
  }

  /** Masks {@code secret} in everything printed or logged from now on. */
  void rememberSecret(String secret) {
    redactor.remember(secret);
  }

  /** The id a create of {@code method} answered, shaped as its descriptor's {@code ids} says. */
  JsonNode requireId(String method, IdShape ids, JsonNode answer) {
    JsonNode id = answer.get("id");
    if (id == null || !(id.isTextual() || id.isNumber())) {
      throw unexpected(method, "an object with an id");
    }
    refuse(method, AnswerChecks.createdId(ids, id));
    return id;
  }

  /** {@code answer} as the objects of {@code method}, their ids checked as {@code ids} says. */
  List<ObjectNode> objects(String method, IdShape ids, JsonNode answer) {
    if (!answer.isArray()) {
      throw unexpected(method, "an array");
    }
    List<ObjectNode> out = new ArrayList<>();
    for (JsonNode n : answer) {
      if (n instanceof ObjectNode o) {
        out.add(o);
      } else {
        throw unexpected(method, "an array of objects");
      }
    }
    refuse(method, AnswerChecks.problem(ids, out));
    return out;
  }

  /** Refuses the answer of {@code method} with the problem {@link AnswerChecks} found, if any. */
  private void refuse(String method, java.util.Optional<String> problem) {
    if (problem.isPresent()) {
      throw errors.client(
          ErrorType.UNEXPECTED_RESPONSE, method, problem.get(), OptionalInt.empty());
    }
  }

  LiveChatException unexpected(String method, String expected) {
    return errors.client(
        ErrorType.UNEXPECTED_RESPONSE,
        method,
        "the answer is not " + expected + " as documented",
        OptionalInt.empty());
  }
}
