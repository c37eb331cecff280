package io.chatform.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import io.chatform.kinds.Exporter;
import io.chatform.kinds.Kinds;
import io.chatform.kinds.LiveObject;
import io.chatform.kinds.LiveReader;
import io.chatform.kinds.ResourceKind;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chatform export}: writes an existing account out as a manifest that plans "No changes."
 * against it — the way to start managing an account that was configured by hand.
 */
@Command(
    name = "export",
    footerHeading = "%nExamples:%n",
    footer = {
      "  chatform export --sandbox",
      "  chatform export --kinds groups,agents -o team.yaml"
    },
    description = "Write the account out as a manifest (the start of managing it as code).",
    mixinStandardHelpOptions = true)
public final class ExportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @picocli.CommandLine.ParentCommand ChatformCommand root;
  @Mixin TargetOptions target;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Where to write the manifest (default: stdout).")
  Path out;

  @Option(names = "--force", description = "Overwrite --out if it exists.")
  boolean force;

  @Option(
      names = "--client-id",
      paramLabel = "ID",
      description =
          "An app (Client ID) whose properties, webhooks and bot templates to export"
              + " (repeatable); the owners of the account's bots are always included.")
  List<String> clientIds = new ArrayList<>();

  @Option(
      names = "--kinds",
      split = ",",
      paramLabel = "SECTION",
      description = "Only these sections, e.g. groups,agents (default: all).")
  List<String> kinds = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    if (out != null && Files.exists(out) && !force) {
      throw new UserException(
          out + " exists; pass --force to overwrite it, or choose another --out");
    }
    Set<Kind> wanted = EnumSet.noneOf(Kind.class);
    for (String k : kinds) {
      wanted.add(
          Kind.fromSection(k)
              .orElseThrow(() -> new UserException("--kinds: unknown section '" + k + "'")));
    }
    io.chatform.model.ApiVersion version = target.version();
    for (Kind k : wanted) {
      ResourceKind kind = Kinds.of(k);
      if (!version.atLeast(kind.since())) {
        // Asked for by name: an empty section would read as "the account has none".
        throw new UserException(
            "--kinds: "
                + kind.absentIn(version)
                + "; pass "
                + kind.sinceFlag()
                + " or leave "
                + k.section()
                + " out of --kinds");
      }
    }
    if (wanted.isEmpty()) {
      wanted.addAll(EnumSet.allOf(Kind.class));
    }
    PrintWriter err = spec.commandLine().getErr();
    ObjectNode doc;
    try (Connection c = Connection.open(target, root.env(), err)) {
      LiveReader reader = new LiveReader(c.client());
      Set<String> owners = new TreeSet<>(clientIds);
      for (ResourceKind k : Kinds.all()) { // the kinds whose listing names the apps (bots)
        if (k.namesApps() && wanted.contains(k.kind())) {
          for (LiveObject o : reader.read(EnumSet.of(k.kind()), Set.of()).state().of(k.kind())) {
            owners.add(Json.text(o.spec(), "owner_client_id"));
          }
        }
      }
      io.chatform.kinds.LiveState state = reader.read(wanted, owners).state();
      doc = Exporter.document(state);
      for (String o : Exporter.unnamed(state)) {
        err.println(
            "export: left out "
                + o
                + ": it has no "
                + "identity a manifest can name (e.g. a rule without a description); plans leave it"
                + " alone");
      }
    }
    String yaml =
        "# yaml-language-server: $schema=https://chatform.io/schemas/chatform-manifest.schema.json\n"
            + "# Exported by chatform. Webhook secrets cannot be read from the API: set "
            + Exporter.SECRET_ENV
            + ".\n"
            + mapper().writeValueAsString(doc);
    if (out == null) {
      spec.commandLine().getOut().print(yaml);
      spec.commandLine().getOut().flush();
    } else {
      OutputFile.write(out, yaml);
      err.println("Wrote " + out + ". Check it with: chatform plan -f " + out);
    }
    return ExitCodes.OK;
  }

  private static YAMLMapper mapper() {
    YAMLFactory f =
        YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .stringQuotingChecker(new Yaml11Quoting())
            .build();
    return new YAMLMapper(f);
  }

  /**
   * Also quotes strings a YAML 1.1 reader would turn into something else: {@code 17:00} is the
   * sexagesimal integer 1020 to PyYAML, SnakeYAML and most CI linters, so exported schedule times
   * must be quoted to mean the same to every tool.
   */
  static final class Yaml11Quoting extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;
    private static final java.util.regex.Pattern SEXAGESIMAL =
        java.util.regex.Pattern.compile("[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?");

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || SEXAGESIMAL.matcher(value).matches();
    }
  }
}
