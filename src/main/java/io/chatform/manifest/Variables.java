package io.chatform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The typed values {@code ${var:NAME}} stands for in manifests (a number, a boolean or a string per
 * name), so one tree serves several accounts. Variables are never secrets: they are printed like
 * any written value, which is why a value may not hold a {@code ${env:…}}/{@code ${file:…}}.
 *
 * <p>The CLI hands them over in the command's environment as {@code CHATFORM_VAR_<name>} entries
 * (flags, then the process environment, then the project file), each in the text form {@link
 * #parse} reads.
 */
public final class Variables {
  /** The prefix of the environment entries that carry variables. */
  public static final String ENV_PREFIX = "CHATFORM_VAR_";

  /** No variables at all (a loader without a project file, --var or CHATFORM_VAR_*). */
  public static final Variables NONE = new Variables(Map.of());

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern INTEGER = Pattern.compile("-?(?:0|[1-9][0-9]*)");
  private static final Pattern DECIMAL = Pattern.compile("-?(?:0|[1-9][0-9]*)\\.[0-9]+");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, JsonNode> values;

  private Variables(Map<String, JsonNode> values) {
    this.values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /** The variables carried by {@code env} ({@code CHATFORM_VAR_<name>=<text>}). */
  public static Variables fromEnv(Map<String, String> env) {
    Map<String, JsonNode> out = new TreeMap<>();
    for (Map.Entry<String, String> e : env.entrySet()) {
      String name = e.getKey().substring(Math.min(ENV_PREFIX.length(), e.getKey().length()));
      if (e.getKey().startsWith(ENV_PREFIX) && NAME.matcher(name).matches()) {
        out.put(name, parse(e.getValue()));
      }
    }
    return new Variables(out);
  }

  /** A value given as text, read as a YAML scalar: {@code 4}, {@code true}, {@code "4"}, text. */
  public static JsonNode parse(String text) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (INTEGER.matcher(text).matches()) {
      BigInteger n = new BigInteger(text);
      return n.bitLength() < 32
          ? f.numberNode(n.intValue())
          : n.bitLength() < 64 ? f.numberNode(n.longValue()) : f.numberNode(n);
    }
    if (DECIMAL.matcher(text).matches()) {
      return f.numberNode(new BigDecimal(text));
    }
    if (text.equals("true") || text.equals("false")) {
      return f.booleanNode(text.equals("true"));
    }
    if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
      try {
        JsonNode n = JSON.readTree(text);
        if (n != null && n.isTextual()) {
          return n;
        }
      } catch (IOException e) {
        // not a JSON string: the text as it is
      }
    }
    return f.textNode(text);
  }

  /** The text {@link #parse} reads back as {@code value} (strings are quoted). */
  public static String encode(JsonNode value) {
    try {
      return value.isTextual() ? JSON.writeValueAsString(value) : value.asText();
    } catch (IOException e) {
      throw new IllegalStateException("a JSON scalar always serialises", e);
    }
  }

  /**
   * What is wrong with a variable as declared (a bad name, a value that is not a scalar, or a
   * reference inside its value), or empty when it is fine.
   */
  public static Optional<String> problem(String name, JsonNode value) {
    if (!NAME.matcher(name).matches()) {
      return Optional.of("a variable name is letters, digits and _, not starting with a digit");
    }
    if (value == null || !(value.isTextual() || value.isBoolean() || value.isNumber())) {
      return Optional.of("a string, number or boolean");
    }
    if (value.isTextual() && value.asText().contains("${")) {
      return Optional.of(
          "a variable's value is plain text, never a reference (variables are not secrets):"
              + " write ${env:…} or ${file:…} in the manifest itself");
    }
    return Optional.empty();
  }

  static boolean validName(String name) {
    return NAME.matcher(name).matches();
  }

  Optional<JsonNode> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** The names, sorted. */
  public Set<String> names() {
    return values.keySet();
  }
}
