package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The property namespaces every LiveChat license has without registering anything: {@code test}
 * (four properties, rw for everyone everywhere) and the predefined public ones ({@code core},
 * {@code chats}, {@code limits}, …). Their definitions come from the docs' "Default properties"
 * reference, copied into {@code predefined-properties.json}; they cannot be registered,
 * unregistered or listed by {@code list_properties} (that lists one Client ID's own).
 *
 * <p>Guess (the docs are silent): a fresh license holds no values in them — the docs show example
 * values, not a new license's — so listings of a fresh account stay empty; a {@code --seed} state
 * may hold values in them. Writing or deleting a value the caller (an agent, through this API) may
 * not write answers {@code authorization}.
 */
final class PredefinedProperties {
  private static final String RESOURCE = "predefined-properties.json";
  private static final Map<String, Map<String, PropertyDefinition>> NAMESPACES = load();

  private PredefinedProperties() {}

  /** The predefined namespaces, in the docs' order. */
  static Set<String> namespaces() {
    return NAMESPACES.keySet();
  }

  /** The predefined definition of {@code ns/name}, when {@code ns} is a predefined namespace. */
  static Optional<PropertyDefinition> find(String ns, String name) {
    return Optional.ofNullable(NAMESPACES.getOrDefault(ns, Map.of()).get(name));
  }

  static boolean isPredefined(String ns) {
    return NAMESPACES.containsKey(ns);
  }

  /**
   * Refuses a write or delete of a predefined value the caller may not write at {@code location}:
   * Configuration API callers are agents (a PAT, or an app's token on behalf of an agent).
   */
  static void checkWritable(PropertyDefinition def, String location, String path) {
    List<String> rights = new java.util.ArrayList<>();
    def.access().path(location).path("agent").forEach(r -> rights.add(r.asText()));
    if (!rights.contains("write")) {
      throw ApiError.authorization(
          path
              + ": "
              + def.ownerClientId()
              + "."
              + def.name()
              + " is a predefined property that agents may not write at the "
              + location
              + " location; leave it out");
    }
  }

  private static Map<String, Map<String, PropertyDefinition>> load() {
    try (InputStream in = PredefinedProperties.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      JsonNode doc = Params.JSON.readTree(in);
      Map<String, Map<String, PropertyDefinition>> out = new LinkedHashMap<>();
      doc.path("namespaces")
          .fields()
          .forEachRemaining(
              ns -> {
                Map<String, PropertyDefinition> defs = new LinkedHashMap<>();
                ns.getValue()
                    .fields()
                    .forEachRemaining(
                        p ->
                            defs.put(
                                p.getKey(),
                                new PropertyDefinition(
                                    p.getKey(),
                                    ns.getKey(),
                                    p.getValue().path("type").asText(),
                                    (ObjectNode) p.getValue().path("access"),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    List.of("read", "write"))));
                out.put(ns.getKey(), Collections.unmodifiableMap(defs));
              });
      return Collections.unmodifiableMap(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
