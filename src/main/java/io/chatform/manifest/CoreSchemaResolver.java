package io.chatform.manifest;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/** YAML 1.2 core schema: no yes/no/on/off booleans, no base-60 numbers, no timestamps. */
final class CoreSchemaResolver extends Resolver {
  @Override
  protected void addImplicitResolvers() {
    addImplicitResolver(
        Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
    addImplicitResolver(
        Tag.INT, Pattern.compile("^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), "-+0123456789");
    addImplicitResolver(
        Tag.FLOAT,
        Pattern.compile(
            "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"),
        "-+0123456789.");
    addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL|)$"), "~nN\0");
    addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
  }

  /** The first characters any implicit resolver above matches (the empty value aside). */
  private static final String TYPED_STARTS = "tTfF-+0123456789.~nN";

  /**
   * A plain scalar that no resolver can match is a string without running the resolvers' regular
   * expressions (the catch-all {@code ^$} one ran for every scalar, a matcher per value of a
   * 64,000- line manifest); everything else is resolved as before.
   */
  @Override
  public Tag resolve(NodeId kind, String value, boolean implicit) {
    if (kind == NodeId.scalar
        && implicit
        && !value.isEmpty()
        && TYPED_STARTS.indexOf(value.charAt(0)) < 0) {
      return Tag.STR;
    }
    return super.resolve(kind, value, implicit);
  }
}
