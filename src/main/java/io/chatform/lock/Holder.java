package io.chatform.lock;

import java.util.Map;
import java.util.Optional;

/**
 * Who a lease names as its holder: user, host, process id and the CI run (GitHub Actions, GitLab,
 * Jenkins, Buildkite, CircleCI) so a refused writer can tell whom to ask or which job to cancel.
 */
public record Holder(String user, String host, long pid, Optional<String> ciRun) {
  private static final String[][] CI_VARS = {
    {"GITHUB_RUN_ID", "GitHub Actions run"},
    {"CI_JOB_ID", "GitLab job"},
    {"BUILD_TAG", "Jenkins build"},
    {"BUILDKITE_BUILD_ID", "Buildkite build"},
    {"CIRCLE_WORKFLOW_ID", "CircleCI workflow"}
  };

  /** This process, described from {@code env}. */
  public static Holder current(Map<String, String> env) {
    String user =
        env.getOrDefault(
            "USER", env.getOrDefault("USERNAME", System.getProperty("user.name", "unknown")));
    String host = env.get("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = java.net.InetAddress.getLocalHost().getHostName();
      } catch (java.net.UnknownHostException e) {
        host = "unknown-host";
      }
    }
    Optional<String> ci = Optional.empty();
    for (String[] v : CI_VARS) {
      String value = env.get(v[0]);
      if (value != null && !value.isBlank()) {
        ci = Optional.of(v[1] + " " + v[0] + "=" + value);
        break;
      }
    }
    return new Holder(user, host, ProcessHandle.current().pid(), ci);
  }

  /** One line, e.g. {@code ci@runner-7 pid 4242 (GitHub Actions run GITHUB_RUN_ID=123)}. */
  public String describe() {
    return user + "@" + host + " pid " + pid + ciRun.map(c -> " (" + c + ")").orElse("");
  }
}
