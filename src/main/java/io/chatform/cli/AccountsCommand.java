package io.chatform.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chatform accounts}: lists the project file's accounts, so a CI matrix can fan plan and
 * drift out over them (the CI system runs the jobs; chatform stays a one-account process).
 */
@Command(
    name = "accounts",
    footerHeading = "%nExamples:%n",
    footer = {
      "  chatform accounts",
      "  chatform accounts --json",
      "  chatform accounts --project ci/chatform.yaml"
    },
    description = {
      "List the accounts of the project file (chatform.yaml with an accounts: section).",
      "Select one in validate/plan/apply/drift/export with --account NAME: its manifests become"
          + " -f, its region and API version the target options, and its credential variables"
          + " LIVECHAT_ACCOUNT_ID/LIVECHAT_PAT/LIVECHAT_ACCESS_TOKEN. Flags given win over"
          + " CHATFORM_REGION/CHATFORM_API_VERSION, which win over the project file."
    },
    mixinStandardHelpOptions = true)
public final class AccountsCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @picocli.CommandLine.ParentCommand ChatformCommand root;

  @Option(
      names = "--project",
      paramLabel = "FILE",
      description =
          "The project file (default: CHATFORM_PROJECT, else chatform.yaml in the working"
              + " directory).")
  Path project;

  @Option(
      names = "--json",
      description = "Print {\"format_version\": 1, \"accounts\": [...]} for a CI matrix.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Optional<Path> given =
        Optional.ofNullable(project)
            .or(() -> Optional.ofNullable(root.env().get("CHATFORM_PROJECT")).map(Path::of));
    ProjectFile file =
        ProjectFile.find(given, Path.of(""))
            .orElseThrow(
                () ->
                    new UserException(
                        "no project file: give --project FILE, or create "
                            + ProjectFile.NAME
                            + " with an accounts: section (see examples/ci/chatform-project.yml)"));
    if (json) {
      ObjectNode doc = Json.object();
      doc.put("format_version", 1);
      ArrayNode list = doc.putArray("accounts");
      for (ProjectAccount a : file.sortedAccounts()) {
        ObjectNode o = list.addObject().put("name", a.name());
        a.region().ifPresent(r -> o.put("region", r));
        a.apiVersion().ifPresent(v -> o.put("api_version", v));
        ArrayNode m = o.putArray("manifests");
        a.manifests().forEach(m::add);
        ObjectNode creds = o.putObject("credential_variables"); // names only, never values
        a.credentialVars().forEach(creds::put);
        o.set("variables", Json.MAPPER.valueToTree(a.variables()));
      }
      out.println(doc.toPrettyString());
    } else {
      for (ProjectAccount a : file.sortedAccounts()) {
        out.println(
            a.name()
                + "  region "
                + a.region().orElse("-")
                + "  api "
                + a.apiVersion().orElse("3.6")
                + "  manifests "
                + String.join(", ", a.manifests()));
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
