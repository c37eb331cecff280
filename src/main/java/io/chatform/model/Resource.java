package io.chatform.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One desired object from the manifests, as the user wrote it.
 *
 * <p>The spec keeps the manifest's keys (API snake_case names, references by name) with {@code
 * ${env:…}}/{@code ${file:…}} already resolved, so "which keys did the user declare" is simply the
 * spec's field names: the diff compares only those. Map-shaped sections become one resource per
 * value:
 *
 * <ul>
 *   <li>license_properties: {@code {namespace, name, value}}
 *   <li>group_properties: {@code {group, namespace, name, value}}
 *   <li>license_webhooks: {@code {owner_client_id, enabled: true|false}}
 * </ul>
 *
 * <p>Treat the spec as immutable: it is shared, never modified after loading.
 *
 * @param sensitive JSON pointer inside the spec (e.g. {@code /secret_key}) → the reference it came
 *     from (e.g. {@code ${env:LC_WEBHOOK_SECRET}}); these values are never printed or saved.
 */
public record Resource(
    Kind kind, ObjectNode spec, SourceLocation location, Map<String, String> sensitive) {
  public Resource {
    sensitive = Map.copyOf(sensitive);
  }

  public String identity() {
    return kind.identity(spec);
  }

  /**
   * {@code <section>/<identity>} as every output shows it: an identity field whose value came from
   * {@code ${env:…}}/{@code ${file:…}} shows its reference text instead of the value.
   */
  public String address() {
    if (sensitive.isEmpty()) {
      return kind.address(spec);
    }
    ObjectNode shown = spec.deepCopy();
    sensitive.forEach(
        (pointer, reference) -> {
          String field = pointer.substring(1);
          if (pointer.startsWith("/") && field.indexOf('/') < 0 && shown.has(unescape(field))) {
            shown.put(unescape(field), reference);
          }
        });
    return kind.address(shown);
  }

  /**
   * The address with resolved values, to match live objects (whose addresses hold real values) and
   * policy globs. It may hold a secret: never print it, use {@link #address()}.
   */
  public String rawAddress() {
    return kind.address(spec);
  }

  private static String unescape(String pointerToken) {
    return pointerToken.replace("~1", "/").replace("~0", "~");
  }

  @Override
  public String toString() {
    return address() + " @ " + location;
  }
}
