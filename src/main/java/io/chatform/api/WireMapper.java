package io.chatform.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one configured {@link ObjectMapper} of the API layer: tolerant of unknown fields (forward
 * compatibility) and snake_case for any record mapped to the wire.
 */
public final class WireMapper {
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .build();

  private WireMapper() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }
}
