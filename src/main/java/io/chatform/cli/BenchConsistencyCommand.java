package io.chatform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import io.chatform.emulator.FaultConfig;
import io.chatform.model.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chatform bench consistency}: a seeded, bounded soak of apply under the API's consistency
 * delay — lists that lag behind writes, 5xx, answers lost after the write — with replaces and
 * reruns started at once, as CI retries do. It prints duplicates, losses and wrong reports as
 * figures, judged on the emulator's own state; all three must be 0 (exit 1 otherwise).
 */
@Command(
    name = "consistency",
    footerHeading = "%nExamples:%n",
    footer = {"  chatform bench consistency", "  chatform bench consistency --runs 2 --seed 5"},
    mixinStandardHelpOptions = true,
    description =
        "Soak apply, replaces and immediate reruns under lagging lists and faults; print"
            + " duplicates, losses and wrong reports (all must be 0).")
public final class BenchConsistencyCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--runs", description = "Seeded scenarios (default: ${DEFAULT-VALUE})")
  int runs = 6;

  @Option(names = "--seed", description = "First seed (default: ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(
      names = "--delay-ms",
      description = "Longest list lag the emulator models (default: ${DEFAULT-VALUE})")
  int delayMs = 1500;

  private static final String CID = EmulatorConfig.SANDBOX_CLIENT_ID;
  private static final String HOOK =
      "webhooks/" + CID + "/license/incoming_chat/https://hooks.acme.example/soak";
  private static final String PROP = "properties/" + CID + "/tier";
  private static final List<String> DECLARED =
      List.of(
          "groups/Support",
          "groups/Sales",
          "bots/" + CID + "/Helper",
          "auto_access/Sales pages",
          HOOK,
          PROP);
  private static final String MANIFEST =
      """
      version: 1
      groups:
        - {name: Support}
        - {name: Sales}
      properties:
        - {owner_client_id: CID, name: tier, type: string, access: {license: {agent: [read, write]}}, description: DESC}
      bots:
        - {owner_client_id: CID, name: Helper}
      auto_access:
        - description: Sales pages
          groups: [Sales]
          conditions: {url: {values: [{value: /pricing}]}}
      webhooks:
        - {owner_client_id: CID, type: license, action: incoming_chat, url: https://hooks.acme.example/soak, secret_key: "${env:SOAK_SECRET}"}
      """
          .replace("CID", CID);

  private long applies;
  private long duplicates;
  private long losses;
  private long unconverged;
  private String lastError = "";
  private final List<String> wrong = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    if (runs < 1 || runs > 200 || delayMs < 0 || delayMs > 10_000) {
      throw new UserException("--runs must be 1..200 and --delay-ms 0..10000");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "bench consistency: %d seeded runs from seed %d, lists up to %d ms behind%n",
        runs, seed, delayMs);
    Path root = Files.createTempDirectory("chatform-soak");
    long t0 = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      scenario(root.resolve("run" + i), seed + i, out);
    }
    out.printf(
        "runs %d, applies %d, duplicates %d, losses %d, wrong reports %d, unconverged %d (%.1f s)%n",
        runs,
        applies,
        duplicates,
        losses,
        wrong.size(),
        unconverged,
        (System.nanoTime() - t0) / 1e9);
    wrong.stream().limit(10).forEach(w -> out.println("  wrong report: " + w));
    out.flush();
    return duplicates + losses + wrong.size() + unconverged == 0 ? ExitCodes.OK : ExitCodes.ERROR;
  }

  /** Apply from empty, then a replace of the webhook and the property, each rerun until done. */
  private void scenario(Path dir, long s, PrintWriter out) throws IOException {
    Files.createDirectories(dir);
    Random r = new Random(s);
    FaultConfig faults =
        FaultConfig.none()
            .withSeed(s)
            .withFailRate(r.nextBoolean() ? 0.3 : 0.1)
            .withResetAfterWriteRate(r.nextBoolean() ? 0.3 : 0.1)
            .withConsistencyDelayMs(delayMs / 2 + r.nextInt(delayMs / 2 + 1))
            .withConsistencyJitter(r.nextBoolean());
    Path m1 = dir.resolve("v1.yaml");
    Files.writeString(m1, MANIFEST.replace("DESC", "v1"));
    try (Emulator em = Emulator.start(EmulatorConfig.defaults().withFaults(faults))) {
      // The first apply verifies for too short a time to see its writes: it fails, and the
      // rerun starts at once, inside the lists' lag, as a CI retry would.
      converge(em, dir, List.of("-f", m1.toString(), "--verify-timeout", "1"));
      converge(em, dir, List.of("-f", m1.toString(), "--replace", HOOK, "--replace", PROP));
      Map<String, List<String>> objects = SoakAudit.objects(em.state());
      long lost = SoakAudit.losses(objects, DECLARED);
      losses += lost;
      out.printf(
          "  seed %d (%s): duplicates %d, losses %d%n",
          s,
          (faults.consistencyJitter() ? "up to " : "") + faults.consistencyDelayMs() + " ms lag",
          SoakAudit.duplicates(objects),
          lost);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first apply, then reruns started at once until one succeeds (at most 6). */
  private void converge(Emulator em, Path dir, List<String> first) {
    List<String> args = first;
    for (int attempt = 0; attempt < 7; attempt++) {
      int code = apply(em, dir, args);
      Map<String, List<String>> objects = SoakAudit.objects(em.state());
      if (SoakAudit.duplicates(objects) > 0) {
        duplicates += SoakAudit.duplicates(objects);
        return;
      }
      if (code == ExitCodes.OK) {
        return;
      }
      args = List.of(first.get(0), first.get(1)); // the rerun: same manifests, no options
    }
    unconverged++;
    spec.commandLine().getOut().println("  did not converge in 7 applies; last " + lastError);
  }

  private int apply(Emulator em, Path dir, List<String> extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "apply",
                "--api-url",
                em.baseUrl(),
                "--auto-approve",
                "--json",
                "--progress",
                "none",
                "--journal",
                dir.resolve("journal").toString(),
                "--consistency-window",
                Double.toString(delayMs / 1000.0 + 0.5),
                "--consistency-wait",
                Double.toString(delayMs / 1000.0 + 0.5)));
    if (!extra.contains("--verify-timeout")) {
      args.addAll(List.of("--verify-timeout", Integer.toString(delayMs / 1000 + 2)));
    }
    args.addAll(extra);
    StringWriter so = new StringWriter();
    StringWriter se = new StringWriter();
    Map<String, String> env =
        Map.of(
            "LIVECHAT_ACCOUNT_ID", EmulatorConfig.SANDBOX_ACCOUNT_ID,
            "LIVECHAT_PAT", EmulatorConfig.SANDBOX_PAT,
            "SOAK_SECRET", "soak-secret-" + Long.toHexString(seed));
    int code =
        ChatformCommand.newCommandLine(new PrintWriter(so, true), new PrintWriter(se, true), env)
            .execute(args.toArray(String[]::new));
    applies++;
    se.toString()
        .lines()
        .filter(l -> l.startsWith("Error:"))
        .reduce((a, b) -> b)
        .ifPresent(l -> lastError = l);
    try {
      JsonNode doc = Json.MAPPER.readTree(so.toString());
      if (doc.has("report")) {
        wrong.addAll(SoakAudit.wrongReports(doc.path("report"), SoakAudit.objects(em.state())));
      }
    } catch (IOException e) {
      wrong.add("stdout is not one JSON document: " + so.toString().lines().findFirst().orElse(""));
    }
    return code;
  }
}
