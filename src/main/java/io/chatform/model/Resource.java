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

  public String address() {
    return kind.address(spec);
  }

  @Override
  public String toString() {
    return address() + " @ " + location;
  }
}
