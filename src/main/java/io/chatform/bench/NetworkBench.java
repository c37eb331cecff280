package io.chatform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import io.chatform.emulator.FaultConfig;
import io.chatform.model.ApiVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole-process workloads that talk to an API over the loopback network, as users run them
 * against LiveChat: a plan and an apply of a medium account (220 objects) against an emulator with
 * {@code latencyMs} per call, and a no-op plan of each large account (filled once, untimed, by an
 * apply) against an emulator without latency. Each apply run starts from the empty account.
 */
public final class NetworkBench implements AutoCloseable {
  /** The medium account: 180 agents, 20 groups, 10 rules, 10 webhooks. */
  static final LargeAccount.Sizes MEDIUM = new LargeAccount.Sizes(180, 20, 10, 10);

  private final Emulator slow;

  /** One emulator without latency per large size: each no-op plan finds exactly its own account. */
  private final List<Emulator> fast = new ArrayList<>();

  private final JsonNode emptySlow;

  /** Objects → the one timed apply that filled that large account from empty. */
  private final Map<Integer, ProcessBench.Figures> fills = new java.util.LinkedHashMap<>();

  private final int latencyMs;

  public NetworkBench(int latencyMs) throws IOException {
    this.latencyMs = latencyMs;
    FaultConfig latency = new FaultConfig(17, latencyMs, 0, 0, 0, 0, 0);
    this.slow = Emulator.start(EmulatorConfig.defaults().withFaults(latency));
    this.emptySlow = slow.state().deepCopy();
  }

  /** The sandbox credentials both emulators accept, and the bench webhook secret. */
  public static Map<String, String> env() {
    return Map.of(
        "LIVECHAT_ACCOUNT_ID",
        EmulatorConfig.SANDBOX_ACCOUNT_ID,
        "LIVECHAT_PAT",
        EmulatorConfig.SANDBOX_PAT,
        Workloads.SECRET_ENV,
        "bench-only-secret-1");
  }

  /**
   * The workloads; fills one fresh emulator per large account first (one untimed apply per size,
   * through {@code bench}), so their plans find nothing to change.
   */
  public List<ProcessBench.Workload> workloads(
      ProcessBench bench, Path work, List<Integer> agentCounts)
      throws IOException, InterruptedException {
    List<ProcessBench.Workload> w = new ArrayList<>();
    Path medium = new LargeAccount(MEDIUM, ApiVersion.V3_6).write(work.resolve("medium"));
    int objects = ProcessBench.objects(MEDIUM);
    String at = " @" + latencyMs + "ms";
    w.add(new ProcessBench.Workload("plan medium" + at, objects, against(slow, "plan", medium)));
    w.add(
        new ProcessBench.Workload(
            "apply medium" + at, objects, apply(slow, medium), () -> slow.replaceState(emptySlow)));
    List<Path> dirs = new ArrayList<>();
    for (int agents : agentCounts) {
      LargeAccount.Sizes sizes = ProcessBench.sizes(agents);
      Path dir = new LargeAccount(sizes, ApiVersion.V3_6).write(work.resolve("noop-" + agents));
      dirs.add(dir);
      Emulator own = Emulator.start(EmulatorConfig.defaults());
      fast.add(own);
      ProcessBench.Figures fill = bench.timeOnce(apply(own, dir));
      if (fill.exitCode() != 0) {
        throw new IllegalStateException(
            "filling the no-op account of "
                + agents
                + " agents failed (exit "
                + fill.exitCode()
                + ")");
      }
      fills.put(ProcessBench.objects(sizes), fill);
      w.add(
          new ProcessBench.Workload(
              "no-op plan large", ProcessBench.objects(sizes), against(own, "plan", dir)));
    }
    if (agentCounts.size() > 1) {
      // The smallest manifests against the largest account: a plan deleting most of it (with the
      // ⚠ notes naming what still points at each deleted group), which once grew quadratically.
      int big = agentCounts.indexOf(agentCounts.stream().max(Integer::compare).orElseThrow());
      int small = agentCounts.indexOf(agentCounts.stream().min(Integer::compare).orElseThrow());
      w.add(
          new ProcessBench.Workload(
              "plan deleting most",
              ProcessBench.objects(ProcessBench.sizes(agentCounts.get(big))),
              against(fast.get(big), "plan", dirs.get(small))));
    }
    return w;
  }

  /**
   * The applies that filled the large accounts from empty, one run each (C1, no archive, {@code
   * -Xmx256m}; no latency): too long to repeat, printed after the table.
   */
  public Map<Integer, ProcessBench.Figures> fills() {
    return fills;
  }

  static List<String> against(Emulator e, String command, Path dir) {
    return List.of(command, "--api-url", e.baseUrl(), "-f", dir.toString());
  }

  /** An apply that neither asks nor journals (every run starts from a fresh account). */
  static List<String> apply(Emulator e, Path dir) {
    List<String> args = new ArrayList<>(against(e, "apply", dir));
    args.addAll(List.of("--auto-approve", "--no-journal", "--progress", "none"));
    return args;
  }

  @Override
  public void close() {
    slow.close();
    fast.forEach(Emulator::close);
  }
}
