package io.chatform.cli;

import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Drives an in-process emulator (no faults) from several client threads over keep-alive HTTP and
 * prints throughput and latency percentiles: the emulator must never be the bottleneck of tests.
 */
@Command(
    name = "emulator",
    footerHeading = "%nExamples:%n",
    footer = {"  chatform bench emulator", "  chatform bench emulator --clients 4 --seconds 10"},
    mixinStandardHelpOptions = true,
    description = "Measure the emulator's throughput on localhost (prints req/s, latencies).")
public final class BenchEmulatorCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--clients", description = "Client threads (default: ${DEFAULT-VALUE})")
  int clients = 8;

  @Option(names = "--requests", description = "Measured requests (default: ${DEFAULT-VALUE})")
  int requests = 40_000;

  @Option(names = "--seconds", description = "Stop after this long (default: ${DEFAULT-VALUE})")
  int seconds = 20;

  @Option(names = "--warmup", description = "Unmeasured requests first (default: ${DEFAULT-VALUE})")
  int warmup = 4_000;

  private static final String[][] MIX = {
    {"list_groups", "{\"fields\":[\"agent_priorities\"]}"},
    {"get_agent", "{\"id\":\"" + EmulatorConfig.SANDBOX_OWNER + "\",\"fields\":[\"groups\"]}"},
    {"list_agents", "{}"},
    {"update_group", "{\"id\":1,\"name\":\"Bench\"}"},
  };

  @Override
  public Integer call() throws Exception {
    if (clients < 1 || requests < 1 || seconds < 1 || warmup < 0) {
      throw new UserException("--clients, --requests and --seconds must be positive");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Emulator emulator = EmulatorCommand.start(EmulatorConfig.defaults().withPort(0))) {
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      String base = emulator.baseUrl() + "/v3.6/configuration/action/";
      send(http, base, "create_group", "{\"name\":\"Bench\",\"agent_priorities\":{}}");
      run(http, base, warmup, Long.MAX_VALUE, new long[clients][warmup / clients + 1]);
      long[][] lat = new long[clients][requests / clients + 1];
      long start = System.nanoTime();
      long done = run(http, base, requests, start + seconds * 1_000_000_000L, lat);
      double elapsed = (System.nanoTime() - start) / 1e9;
      long[] all = Arrays.stream(lat).flatMapToLong(Arrays::stream).filter(x -> x > 0).toArray();
      Arrays.sort(all);
      out.printf(
          "emulator bench: %d requests, %d clients, %.2f s, %.0f req/s%n",
          done, clients, elapsed, done / elapsed);
      out.printf(
          "latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n",
          pct(all, 50), pct(all, 90), pct(all, 99), pct(all, 100));
      out.printf("server stats: %s%n", emulator.stats().path("errors"));
      out.flush();
    }
    return ExitCodes.OK;
  }

  private long run(HttpClient http, String base, int total, long deadline, long[][] lat)
      throws InterruptedException {
    AtomicLong next = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    Thread[] threads = new Thread[clients];
    for (int t = 0; t < clients; t++) {
      int me = t;
      threads[t] =
          new Thread(
              () -> {
                int k = 0;
                long i;
                while ((i = next.getAndIncrement()) < total && System.nanoTime() < deadline) {
                  String[] m = MIX[(int) (i % MIX.length)];
                  long t0 = System.nanoTime();
                  if (!send(http, base, m[0], m[1])) {
                    failures.incrementAndGet();
                  }
                  if (k < lat[me].length) {
                    lat[me][k++] = Math.max(1, System.nanoTime() - t0);
                  }
                }
              });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    if (failures.get() > 0) {
      throw new UserException(failures.get() + " benchmark requests failed");
    }
    return Math.min(next.get(), total);
  }

  private static boolean send(HttpClient http, String base, String method, String body) {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(base + method))
            .header("Authorization", "Bearer " + EmulatorConfig.SANDBOX_TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(req, HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static double pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}
