package io.chatform.kinds;

import io.chatform.model.DesiredState;
import io.chatform.model.Json;
import io.chatform.model.Resource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The apps (Client IDs) the manifests speak for. Bots, property definitions and values, and
 * webhooks of other apps live in the same account; a plan never prunes what belongs to an app the
 * manifests do not mention.
 */
public final class Owners {
  private Owners() {}

  public static Set<String> declared(DesiredState desired) {
    Set<String> out = new HashSet<>();
    desired
        .sections()
        .values()
        .forEach(
            (List<Resource> rs) ->
                rs.forEach(
                    r -> {
                      String o = owner(r.spec());
                      if (!o.isEmpty()) {
                        out.add(o);
                      }
                    }));
    return out;
  }

  public static String of(LiveObject o) {
    return owner(o.spec());
  }

  private static String owner(com.fasterxml.jackson.databind.JsonNode spec) {
    String owner = Json.text(spec, "owner_client_id");
    return owner.isEmpty() ? Json.text(spec, "namespace") : owner;
  }
}
