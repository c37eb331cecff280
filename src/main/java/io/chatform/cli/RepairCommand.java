package io.chatform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.api.LiveChatException;
import io.chatform.kinds.Owners;
import io.chatform.kinds.RepairStep;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.repair.DuplicateFinder;
import io.chatform.repair.DuplicateSet;
import io.chatform.repair.RawAccount;
import io.chatform.repair.RepairPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chatform repair}: finds live duplicates in the sections the manifests manage (groups,
 * bots, auto access, webhooks) and proposes their merge as a reviewable plan — keep the object
 * referenced most, move references, delete the extras — which it applies under the account lock
 * after confirmation, or saves with {@code --out} for {@code chatform repair FILE}.
 */
@Command(
    name = "repair",
    footerHeading = "%nExamples:%n",
    footer = {
      "  chatform repair -f examples/acme",
      "  chatform repair -f examples/acme --out repair.json",
      "  chatform repair -f examples/acme --auto-approve"
    },
    description = "Merge duplicated live objects (keep the most referenced, move references).",
    mixinStandardHelpOptions = true)
public final class RepairCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @picocli.CommandLine.ParentCommand ChatformCommand root;
  @Mixin PlanFlags flags;
  @Mixin TargetOptions target;
  @Mixin LockOptions lock;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "A repair saved by --out.")
  Path saved;

  @Option(names = "--out", paramLabel = "FILE", description = "Save the repair; apply nothing.")
  Path out;

  @Option(names = "--json", description = "Print the repair as JSON.")
  boolean json;

  @Option(names = "--auto-approve", description = "Repair without asking (required without a TTY).")
  boolean autoApprove;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    JsonNode savedJson = saved == null ? null : readSaved(saved);
    if (saved != null && flags.files.isEmpty()) {
      savedJson.path("manifests").forEach(m -> flags.files.add(Path.of(m.asText())));
    }
    ApiVersion version = target.version();
    DesiredState desired = flags.load(version, "repair", root.env());
    Set<Kind> kinds = DuplicateFinder.repairable(desired);
    Set<String> owners = Owners.declared(desired);
    try (Connection c = Connection.open(target, root.env(), err);
        LockGuard guard =
            out != null || json ? null : LockGuard.acquire(lock, c, owners, root.env(), err)) {
      RawAccount raw = RawAccount.read(c.client(), kinds, owners);
      RepairPlan plan = new RepairPlan(c.target(), new DuplicateFinder(raw).find(kinds));
      if (savedJson != null && !plan.sameAs(savedJson)) {
        throw new UserException(
            "the account changed since the repair was saved to "
                + saved
                + ": run chatform repair -f … --out again and review it");
      }
      if (json) {
        stdout.println(plan.json().toPrettyString());
      } else {
        stdout.print(plan.text());
      }
      stdout.flush();
      if (out != null) {
        save(plan, desired);
        stdout.println("Saved the repair to " + out + "; apply it with: chatform repair " + out);
        return plan.hasChanges() ? ExitCodes.CHANGES : ExitCodes.OK;
      }
      if (!plan.hasChanges() || json) {
        return plan.hasChanges() ? ExitCodes.CHANGES : ExitCodes.OK;
      }
      if (!autoApprove) {
        confirm(err);
      }
      return guard.whileWriting(() -> execute(plan, c, stdout));
    }
  }

  private int execute(RepairPlan plan, Connection c, PrintWriter stdout) {
    int done = 0;
    for (DuplicateSet d : plan.duplicates()) {
      for (RepairStep s : d.steps()) {
        try {
          c.client().call(s.method(), s.body());
          done++;
          stdout.println("done   " + d.address() + ": " + s);
        } catch (LiveChatException e) {
          stdout.println("failed " + d.address() + ": " + s + ": " + e.getMessage());
          stdout.println(
              "Repair stopped after "
                  + done
                  + " of "
                  + plan.stepCount()
                  + " step(s). Run the same repair again: it re-reads the account and proposes"
                  + " only what is still needed.");
          stdout.flush();
          return ExitCodes.ERROR;
        }
      }
    }
    stdout.println(
        "Repair complete: "
            + done
            + " step(s). Run chatform plan to see what still differs from the manifests.");
    stdout.flush();
    return ExitCodes.OK;
  }

  private void save(RepairPlan plan, DesiredState desired) throws IOException {
    var doc = plan.json();
    var paths = doc.putArray("manifests");
    flags.files.forEach(f -> paths.add(f.toString()));
    OutputFile.write(out, doc.toPrettyString());
  }

  private static JsonNode readSaved(Path file) {
    try {
      JsonNode n = Json.MAPPER.readTree(file.toFile());
      if (!"repair".equals(n.path("kind").asText())) {
        throw new UserException(
            file + " is not a repair saved by chatform repair --out (a plan? apply it with apply)");
      }
      return n;
    } catch (IOException e) {
      throw new UserException("cannot read the saved repair " + file + ": " + e.getMessage(), e);
    }
  }

  private static void confirm(PrintWriter err) {
    java.io.Console console = System.console();
    if (console == null) {
      throw new UserException(
          "refusing to repair without confirmation: no terminal to ask on. Review the repair and"
              + " pass --auto-approve.");
    }
    err.print("\nRepair these duplicates? Only 'yes' is accepted: ");
    err.flush();
    String answer = console.readLine();
    if (answer == null || !answer.trim().equals("yes")) {
      throw new UserException("repair cancelled; nothing was changed");
    }
  }
}
