package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * Allowed domains (3.7 developer preview): the domains that may embed the chat widget. The domain
 * is the whole object, so there is nothing to update: a domain is added or deleted. Domains are
 * host names, which ignore letter case (the docs are silent: the safe reading), so a live domain
 * differing only in case is the same one and is left as it is. A manifest lists them as plain
 * strings ({@link Kind#scalarField()}), and an export writes them so.
 */
final class AllowedDomainKind extends DeclaredKind implements Creator, Deleter {
  AllowedDomainKind() {
    super(Kind.ALLOWED_DOMAINS, Scope.ACCOUNT);
  }

  @Override
  public String key(ObjectNode spec) {
    return kind().identity(spec).toLowerCase(Locale.ROOT);
  }

  @Override
  public void create(WriteContext ctx, ObjectNode desired, Optional<String> moveBefore) {
    ctx.client().addAllowedDomain(Json.text(desired, "domain"));
  }

  @Override
  public void delete(WriteContext ctx, String liveId, ObjectNode live) {
    ctx.client().deleteAllowedDomain(liveId);
  }

  @Override
  public Listing list(Reading reading) {
    Future<List<String>> all = reading.submit(reading.client()::listAllowedDomains);
    return () -> Reading.get(all).stream().map(AllowedDomainKind::shape).toList();
  }

  static LiveObject shape(String domain) {
    return new LiveObject(Kind.ALLOWED_DOMAINS, domain, Json.object().put("domain", domain));
  }

  @Override
  public void export(ObjectNode doc, List<LiveObject> objects) {
    ArrayNode out = doc.putArray(section());
    objects.forEach(o -> out.add(Json.text(o.spec(), "domain")));
  }
}
