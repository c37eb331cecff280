package io.chatform.cli;

import io.chatform.kinds.LiveReader;
import io.chatform.model.ApiVersion;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.route.At;
import io.chatform.route.RouteReport;
import io.chatform.route.RouteResult;
import io.chatform.route.Router;
import io.chatform.route.RoutingModel;
import io.chatform.route.Visitor;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chatform route}: which group a visitor lands in and who is there to answer, before the
 * routing goes live (manifests) or as it is (the account, {@code --live}).
 */
@Command(
    name = "route",
    footerHeading = "%nExamples:%n",
    footer = {
      "  chatform route -f examples/acme --url https://acme.example/pricing",
      "  chatform route -f examples/acme --url acme.example/ --at \"2026-12-07T09:30 UTC\"",
      "  chatform route --live --sandbox --url https://acme.example/ --json"
    },
    description = "Show which auto access rule and groups a visitor gets, and who is scheduled.",
    mixinStandardHelpOptions = true)
public final class RouteCommand extends ManifestPaths implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @picocli.CommandLine.ParentCommand ChatformCommand root;

  @Mixin TargetOptions target;

  @Option(names = "--live", description = "Evaluate the account's rules instead of the manifests.")
  boolean live;

  @Option(names = "--url", paramLabel = "URL", description = "The page the visitor is on.")
  String url;

  @Option(
      names = "--domain",
      paramLabel = "DOMAIN",
      description = "The visitor URL's domain (default: the host of --url).")
  String domain;

  @Option(
      names = "--country",
      paramLabel = "COUNTRY",
      description = "Two letters are an ISO country code (DE), anything longer a country name.")
  String country;

  @Option(names = "--country-code", paramLabel = "CODE", description = "ISO country code.")
  String countryCode;

  @Option(
      names = "--visitor-region",
      paramLabel = "REGION",
      description = "The visitor's geolocation region (--region is the data centre).")
  String region;

  @Option(names = "--city", paramLabel = "CITY", description = "The visitor's city.")
  String city;

  @Option(
      names = "--at",
      paramLabel = "TIME",
      description = "Show who is scheduled then, e.g. \"2026-12-07T09:30 Europe/Berlin\".")
  String at;

  @Option(names = "--json", description = "Print {rule, groups, skipped} as JSON.")
  boolean json;

  @Override
  public Integer call() throws java.io.IOException {
    Optional<ZonedDateTime> when = Optional.empty();
    if (at != null) {
      try {
        when = Optional.of(At.parse(at));
      } catch (IllegalArgumentException e) {
        throw new UserException("--at: " + e.getMessage());
      }
    }
    Visitor v = visitor();
    RoutingModel model = live ? liveModel() : offlineModel();
    RouteResult r = Router.route(model, v);
    var out = spec.commandLine().getOut();
    if (json) {
      out.println(
          Json.MAPPER
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(RouteReport.json(r, model, when)));
    } else {
      out.print(RouteReport.text(r, model, v, when));
    }
    out.flush();
    return ExitCodes.OK;
  }

  Visitor visitor() {
    Visitor base = Visitor.of(url, country);
    String code = countryCode != null ? countryCode : base.countryCode();
    return new Visitor(url, domain, base.country(), code, region, city);
  }

  private RoutingModel offlineModel() {
    if (files.isEmpty()) {
      throw new UserException(
          "no manifests given: pass -f PATH (a manifest file or a directory), e.g. chatform route"
              + " -f examples/acme --url https://acme.example/, or --live to route on the account");
    }
    ApiVersion version = target.version();
    PlanFlags flags = new PlanFlags();
    flags.files = files;
    return RoutingModel.of(flags.load(version, "route", OfflineEnv.lenient(root.env())));
  }

  private RoutingModel liveModel() {
    try (Connection c = Connection.open(target, root.env(), spec.commandLine().getErr())) {
      Set<Kind> kinds = io.chatform.kinds.Kinds.routing();
      return RoutingModel.of(new LiveReader(c.client()).read(kinds, Set.of()).state());
    }
  }
}
