package io.chatform.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chatform completion bash|zsh|fish}: the shell completion script, generated from the same
 * command model picocli parses with, so it can never offer a command or flag that does not exist.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = "Print the shell completion script for bash, zsh or fish.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  chatform completion bash > /etc/bash_completion.d/chatform",
      "  chatform completion zsh > \"$${fpath[1]}/_chatform\"",
      "  chatform completion fish > ~/.config/fish/completions/chatform.fish"
    })
public final class CompletionCommand implements Callable<Integer> {
  /** The shells a script is generated for. */
  enum Shell {
    bash,
    zsh,
    fish
  }

  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish.")
  Shell shell;

  @Override
  public Integer call() {
    CommandLine root = spec.root().commandLine();
    var out = spec.commandLine().getOut();
    out.print(script(shell, root));
    out.flush();
    return ExitCodes.OK;
  }

  /** The script for {@code shell}; picocli's bash script also runs in zsh (via bashcompinit). */
  static String script(Shell shell, CommandLine root) {
    return switch (shell) {
      case bash, zsh -> picocli.AutoComplete.bash("chatform", root);
      case fish -> FishCompletion.script(root.getCommandSpec());
    };
  }
}
