package io.chatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What a create answered.
 *
 * @param id the new object's id, empty when the object is known by its identity alone (tags,
 *     property definitions) or the request chose it (agents)
 * @param answer the whole answer, e.g. for a secret to remember
 */
public record Created(Optional<String> id, JsonNode answer) {}
