package io.chatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** Turns one method's answer into what its callers use, refusing answers not as documented. */
@FunctionalInterface
public interface AnswerReader<T> {
  T read(Answer answer);

  /** The answer as it came. */
  AnswerReader<JsonNode> RAW = Answer::json;

  /** An array of objects (ids checked as {@link AnswerChecks} does). */
  AnswerReader<List<ObjectNode>> OBJECTS = Answer::objects;

  /** A create answering the new object's {@code id}. */
  AnswerReader<Created> CREATED_ID = a -> new Created(Optional.of(a.id().asText()), a.json());

  /** A create of an object that has no id of its own (or whose id the request chose). */
  AnswerReader<Created> CREATED_BY_IDENTITY = a -> new Created(Optional.empty(), a.json());

  /** An object whose {@code field} is the array of objects (one page of a paged list). */
  static AnswerReader<List<ObjectNode>> objectsIn(String field) {
    return a -> {
      JsonNode items = a.json().path(field);
      if (!items.isArray()) {
        throw a.unexpected("an object with " + field);
      }
      return new Answer(a, items).objects();
    };
  }

  /** An array of objects, a {@code field} some servers send with each dropped and masked. */
  static AnswerReader<List<ObjectNode>> objectsWithoutSecret(String field) {
    return a -> {
      List<ObjectNode> items = a.objects();
      for (ObjectNode o : items) {
        JsonNode secret = o.remove(field);
        if (secret != null && secret.isTextual()) {
          a.secret(secret.asText());
        }
      }
      return items;
    };
  }
}
