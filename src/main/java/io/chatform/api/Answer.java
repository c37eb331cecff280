package io.chatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One method's answer, with the checks and the redaction an {@link AnswerReader} needs. */
public final class Answer {
  private final Wire wire;
  private final String method;
  private final IdShape ids;
  private final JsonNode json;

  /**
   * An answer of {@code method}, whose descriptor says its objects are identified as {@code ids}.
   */
  Answer(Wire wire, String method, IdShape ids, JsonNode json) {
    this.wire = wire;
    this.method = method;
    this.ids = ids;
    this.json = json;
  }

  /** A part of {@code whole}'s answer, read with the same checks. */
  Answer(Answer whole, JsonNode part) {
    this(whole.wire, whole.method, whole.ids, part);
  }

  public String method() {
    return method;
  }

  public JsonNode json() {
    return json;
  }

  /** The answer as an array of objects; anything else is refused. */
  public List<ObjectNode> objects() {
    return wire.objects(method, ids, json);
  }

  /** {@code array} (e.g. the items of every page) as objects, checked as {@link #objects()}. */
  public List<ObjectNode> objects(JsonNode array) {
    return wire.objects(method, ids, array);
  }

  /** The same method called again with {@code body} (the next page of a list), read freely. */
  public Answer next(ObjectNode body) {
    return new Answer(wire, method, ids, wire.call(method, body, RetrySafety.IDEMPOTENT));
  }

  /** The {@code id} a create answered; a missing or malformed one is refused. */
  public JsonNode id() {
    return wire.requireId(method, ids, json);
  }

  /** The error for an answer that is not {@code expected} as documented. */
  public LiveChatException unexpected(String expected) {
    return wire.unexpected(method, expected);
  }

  /** Masks {@code value} in all output from now on: a secret the answer carried. */
  public void secret(String value) {
    wire.rememberSecret(value);
  }
}
