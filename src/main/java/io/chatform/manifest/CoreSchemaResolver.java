package io.chatform.manifest;

import java.util.regex.Pattern;
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
}
