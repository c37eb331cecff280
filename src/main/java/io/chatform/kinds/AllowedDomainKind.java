package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.api.Answer;
import io.chatform.api.AnswerReader;
import io.chatform.api.ApiMethod;
import io.chatform.api.CreateProbe;
import io.chatform.api.Created;
import io.chatform.model.ApiVersion;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Allowed domains (3.7 developer preview): the domains that may embed the chat widget. The domain
 * is the whole object, so there is nothing to update: a domain is added or deleted. Domains are
 * host names, which ignore letter case (the docs are silent: the safe reading), so a live domain
 * differing only in case is the same one and is left as it is. A manifest lists them as plain
 * strings ({@link Kind#scalarField()}), and an export writes them so.
 */
final class AllowedDomainKind extends DeclaredKind implements Creator, Deleter {

  @Override
  public ApiVersion since() {
    return ApiVersion.V3_7;
  }

  @Override
  public Optional<String> scalarField() {
    return Optional.of("domain");
  }

  // Domains are host names: DNS names ignore case (the docs are silent; the safe reading).
  //
  @Override
  public boolean identityIgnoresCase() {
    return true;
  }

  /** The domains, as the API lists them (strings), each as {@code {domain}}. */
  static final ApiMethod<List<ObjectNode>> LIST =
      ApiMethod.read("list_allowed_domains", AllowedDomainKind::domains);

  /** Adds a domain; the API refuses it twice, so the probe looks for it (ignoring case). */
  static final ApiMethod<Created> ADD =
      ApiMethod.create(
          "add_allowed_domain", AllowedDomainKind::probe, AnswerReader.CREATED_BY_IDENTITY);

  private static final ApiMethod<JsonNode> DELETE = ApiMethod.delete("delete_allowed_domain");

  /** Labels of letters, digits and hyphens, dot-separated; an optional leading {@code *.}. */
  static final Pattern HOST =
      Pattern.compile(
          "(\\*\\.)?[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?"
              + "(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)*");

  AllowedDomainKind() {
    super(Kind.ALLOWED_DOMAINS, Scope.ACCOUNT);
  }

  private static List<ObjectNode> domains(Answer a) {
    JsonNode list = a.json().path("domains");
    if (!list.isArray()) {
      throw a.unexpected("an object with domains");
    }
    List<ObjectNode> out = new ArrayList<>();
    for (JsonNode d : list) {
      if (!d.isTextual()) {
        throw a.unexpected("a list of domain strings");
      }
      out.add(Json.object().put("domain", d.asText()));
    }
    return out;
  }

  /** Allowed domains: the domain is the identity, matched ignoring case as host names are. */
  private static Optional<CreateProbe.Search> probe(ObjectNode body) {
    return CreateProbe.text(body, "domain")
        .map(
            domain ->
                new CreateProbe.Search(
                    Kind.ALLOWED_DOMAINS,
                    LIST,
                    Json.object(),
                    o -> domain.equalsIgnoreCase(CreateProbe.text(o, "domain").orElse("")),
                    true,
                    Optional.of(
                        new CreateProbe.WithoutId(
                            domain, "domain " + domain + " was deleted by this apply"))));
  }

  /** A domain that is not a host name (a URL, a port, spaces) is refused, located. */
  @Override
  public void check(ManifestCheck check, List<? extends Declared> declared) {
    for (Declared d : declared) {
      d.text("domain")
          .filter(v -> !v.isEmpty() && v.length() <= 255 && !HOST.matcher(v).matches())
          .ifPresent(v -> check.report(d, "/domain", "'" + v + "' is not a domain name", hint(v)));
    }
  }

  private static String hint(String v) {
    String host = v.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "").replaceFirst("[:/?#].*$", "");
    return HOST.matcher(host).matches() && !host.equals(v)
        ? "write the host name only: " + host.toLowerCase(Locale.ROOT)
        : "write a host name such as example.com or *.example.com (no scheme, port, path or"
            + " spaces)";
  }

  /** Domain names ignore letter case. */
  @Override
  public Optional<ManifestCheck.Wording> duplicate(
      String id, String first, String firstAt, boolean caseOnly) {
    return ManifestCheck.Wording.sameButForCase(
        caseOnly,
        "domain",
        id,
        first,
        firstAt,
        "domain names ignore letter case",
        "list each domain once");
  }

  @Override
  public String key(ObjectNode spec) {
    return kind().identity(spec).toLowerCase(Locale.ROOT);
  }

  @Override
  public void create(WriteContext ctx, ObjectNode desired, Optional<String> moveBefore) {
    ctx.client()
        .create(
            Kind.ALLOWED_DOMAINS, ADD, Json.object().put("domain", Json.text(desired, "domain")));
  }

  @Override
  public void delete(WriteContext ctx, String liveId, ObjectNode live) {
    ObjectNode body = Json.object().put("domain", liveId);
    ctx.client().delete(Kind.ALLOWED_DOMAINS, DELETE, body, liveId, liveId);
  }

  @Override
  public Listing list(Reading reading) {
    Future<List<ObjectNode>> all = reading.submit(() -> reading.client().call(LIST, Json.object()));
    return () -> Reading.get(all).stream().map(d -> shape(Json.text(d, "domain"))).toList();
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
