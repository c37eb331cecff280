package io.chatform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import io.chatform.emulator.FaultConfig;
import io.chatform.model.ApiVersion;
import io.chatform.model.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The issue's yardstick for a whole apply: the same medium account written by a sequential script
 * on the official JS SDK ({@code bench/js-sdk/sequential-apply.js}, one awaited call after another,
 * API 3.4 because the SDK hard-codes it), against an emulator with TLS (the SDK speaks https only)
 * and the same latency; chatform's apply runs against the same emulator, so both pay for TLS. Each
 * run starts from the empty account.
 */
public final class JsSdkBaseline implements AutoCloseable {
  private final Path sdkDir;
  private final Emulator tls;
  private final JsonNode empty;
  private final Path pem;
  private final Path json;
  private final Path yaml;
  private final int latencyMs;

  public JsSdkBaseline(Path sdkDir, int latencyMs, Path work) throws IOException {
    if (!Files.isRegularFile(sdkDir.resolve("sequential-apply.js"))
        || !Files.isDirectory(sdkDir.resolve("node_modules/@livechat/lc-sdk-js"))) {
      throw new UserFacingException(
          "--js-sdk "
              + sdkDir
              + ": expected sequential-apply.js and the SDK installed there; run"
              + " (cd "
              + sdkDir
              + " && npm ci) first");
    }
    this.sdkDir = sdkDir;
    this.latencyMs = latencyMs;
    this.pem = work.resolve("dev-localhost.pem");
    try (InputStream in = Emulator.class.getResourceAsStream("dev-localhost.pem")) {
      Files.copy(in, pem, StandardCopyOption.REPLACE_EXISTING);
    }
    FaultConfig latency = new FaultConfig(23, latencyMs, 0, 0, 0, 0, 0);
    this.tls =
        Emulator.start(
            EmulatorConfig.defaults()
                .withTls(EmulatorConfig.Tls.devCertificate())
                .withFaults(latency));
    this.empty = tls.state().deepCopy();
    this.json = work.resolve("medium-3.4.json");
    Files.writeString(json, new LargeAccount(NetworkBench.MEDIUM, ApiVersion.V3_4).manifest() + "");
    this.yaml = new LargeAccount(NetworkBench.MEDIUM, ApiVersion.V3_6).write(work.resolve("tls"));
  }

  private String hostPort() {
    return "localhost:" + tls.port();
  }

  /** Empties the account before a run. */
  public void reset() {
    tls.replaceState(empty);
  }

  /** chatform's apply of the medium account against the TLS emulator. */
  public ProcessBench.Workload chatformApply() {
    List<String> args =
        List.of(
            "apply",
            "--api-url",
            "https://" + hostPort(),
            "--ca-cert",
            pem.toString(),
            "-f",
            yaml.toString(),
            "--auto-approve",
            "--no-journal",
            "--progress",
            "none");
    return new ProcessBench.Workload(label("apply medium TLS"), objects(), args, this::reset);
  }

  public String label(String what) {
    return what + " @" + latencyMs + "ms";
  }

  public int objects() {
    return ProcessBench.objects(NetworkBench.MEDIUM);
  }

  /** The node command of the baseline. */
  public List<String> nodeCommand() {
    return List.of("node", sdkDir.resolve("sequential-apply.js").toString(), json.toString());
  }

  /** What the script reads: the emulator, its Bearer token, owner and certificate. */
  public Map<String, String> nodeEnv() {
    return Map.of(
        "CHATFORM_BENCH_API",
        hostPort(),
        "CHATFORM_BENCH_CLIENT_ID",
        EmulatorConfig.SANDBOX_CLIENT_ID,
        "CHATFORM_BENCH_OWNER",
        EmulatorConfig.SANDBOX_OWNER,
        "LIVECHAT_ACCESS_TOKEN",
        EmulatorConfig.SANDBOX_TOKEN,
        "NODE_EXTRA_CA_CERTS",
        pem.toString(),
        Workloads.SECRET_ENV,
        "bench-only-secret-1");
  }

  @Override
  public void close() {
    tls.close();
  }
}
