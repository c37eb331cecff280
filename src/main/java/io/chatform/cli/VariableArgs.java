package io.chatform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.manifest.Variables;
import io.chatform.model.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands manifest variables to the loader in the command's environment as {@code
 * CHATFORM_VAR_<name>} entries, with the documented precedence: {@code --var NAME=VALUE} flags win
 * over {@code CHATFORM_VAR_<name>} set in the environment, which wins over the account's variables
 * in the project file, which win over the project-wide ones (merged by {@link ProjectFile}).
 */
final class VariableArgs {
  private VariableArgs() {}

  /** The environment with each {@code NAME=VALUE} flag as an entry (a later flag wins). */
  static Map<String, String> withFlags(Map<String, String> env, List<String> flags) {
    if (flags.isEmpty()) {
      return env;
    }
    Map<String, String> out = new HashMap<>(env);
    for (String flag : flags) {
      int eq = flag.indexOf('=');
      if (eq <= 0) {
        throw new UserException(
            "--var takes NAME=VALUE, e.g. --var max_chats=4, not '" + flag + "'");
      }
      String name = flag.substring(0, eq);
      String text = flag.substring(eq + 1);
      Variables.problem(name, Variables.parse(text)).ifPresent(p -> fail("--var " + name, p));
      out.put(Variables.ENV_PREFIX + name, text);
    }
    return out;
  }

  /**
   * The environment with the account's variables where neither a flag nor the environment set one.
   */
  static Map<String, String> withProject(Map<String, String> env, ProjectAccount account) {
    if (account.variables().isEmpty()) {
      return env;
    }
    Map<String, String> out = new HashMap<>(env);
    account
        .variables()
        .forEach(
            (name, value) -> {
              JsonNode node = Json.MAPPER.valueToTree(value);
              out.putIfAbsent(Variables.ENV_PREFIX + name, Variables.encode(node));
            });
    return out;
  }

  private static void fail(String what, String problem) {
    throw new UserException(what + ": " + problem);
  }
}
