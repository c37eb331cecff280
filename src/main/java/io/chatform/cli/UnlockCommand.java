package io.chatform.cli;

import io.chatform.lock.AccountLock;
import io.chatform.lock.Holder;
import io.chatform.lock.LeaseView;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chatform unlock}: shows who holds the account lock and, with {@code --force}, releases it
 * (Terraform's force-unlock) for when its holder is known to be gone; the release names who forced
 * it, in the lease record and on stderr.
 */
@Command(
    name = "unlock",
    footerHeading = "%nExamples:%n",
    footer = {"  chatform unlock", "  chatform unlock --force", "  chatform unlock --sandbox"},
    description = "Show the account lock's holder; with --force, release it.",
    mixinStandardHelpOptions = true)
public final class UnlockCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @picocli.CommandLine.ParentCommand ChatformCommand root;
  @Mixin TargetOptions target;
  @Mixin LockOptions lock;

  @Option(
      names = "--force",
      description =
          "Release the lock whoever holds it (only when that writer is known to be gone).")
  boolean force;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Connection c = Connection.open(target, root.env(), err)) {
      Holder me = Holder.current(root.env());
      AccountLock accountLock =
          new AccountLock(
              c.client(),
              lock.settings(c, Set.of(), root.env(), err),
              me,
              Clock.systemUTC(),
              err::println);
      if (!force) {
        LeaseView view = accountLock.read();
        out.println("Account lock of " + c.target() + ": " + view.describe());
        out.flush();
        if (view.free()) {
          return ExitCodes.OK;
        }
        throw new UserException(
            "the account is locked ("
                + view.describe()
                + "); if that writer is gone, release it with chatform unlock --force");
      }
      LeaseView before = accountLock.forceUnlock();
      String line =
          "unlock: released the account lock of "
              + c.target()
              + " by force (was "
              + before.describe()
              + "); forced by "
              + me.describe();
      err.println(line); // the log line CI keeps
      out.println("Unlocked. Previously: " + before.describe());
      out.flush();
      err.flush();
      return ExitCodes.OK;
    }
  }
}
