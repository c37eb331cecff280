package io.chatform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.DesiredState;
import io.chatform.model.Resource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last line of defence for values that came from {@code ${env:…}}/{@code ${file:…}}: every line
 * the CLI prints passes through {@link #apply}, which replaces such a value with the reference it
 * came from, wherever it appears (an API error echoing an agent id, a debug line). Plans and
 * reports already show references; this catches what they cannot know about.
 *
 * <p>Values shorter than {@link #MIN_LENGTH} characters are not searched for in free text: a
 * two-letter language code from {@code ${env:LANG}} would otherwise mangle every word holding it.
 * They are still masked where chatform knows them (fields, addresses, ids).
 */
final class SecretMask {
  static final int MIN_LENGTH = 6;

  private final Map<String, String> references = new ConcurrentHashMap<>();
  private volatile List<Map.Entry<String, String>> longestFirst = List.of();

  /** Remembers every sensitive value of {@code desired} with the reference text it came from. */
  void addAll(DesiredState desired) {
    for (List<Resource> rs : desired.sections().values()) {
      for (Resource r : rs) {
        r.sensitive()
            .forEach(
                (pointer, reference) -> {
                  JsonNode v = r.spec().at(pointer);
                  if (v.isTextual() && v.asText().length() >= MIN_LENGTH) {
                    references.putIfAbsent(v.asText(), reference);
                  }
                });
      }
    }
    longestFirst =
        references.entrySet().stream()
            .map(e -> Map.entry(e.getKey(), e.getValue()))
            .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getKey().length()))
            .toList();
  }

  /** {@code text} with every known value replaced by its reference. */
  String apply(String text) {
    List<Map.Entry<String, String>> values = longestFirst;
    if (values.isEmpty()) {
      return text;
    }
    String out = text;
    for (Map.Entry<String, String> e : values) {
      if (out.contains(e.getKey())) {
        out = out.replace(e.getKey(), e.getValue());
      }
      String escaped = jsonEscaped(e.getKey());
      if (!escaped.equals(e.getKey()) && out.contains(escaped)) {
        out = out.replace(escaped, jsonEscaped(e.getValue()));
      }
    }
    return out;
  }

  private static String jsonEscaped(String s) {
    return new String(
        com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s));
  }
}
