package io.chatform.bench;

import io.chatform.model.ApiVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whole-process figures (validate, and plan against an empty sandbox): a fresh JVM per run, from
 * start to exit, because that is what a user waits for (class loading, JIT warm-up and start-up
 * dominate short commands). Each workload runs under {@code -Xmx256m}, once as a plain {@code java
 * -jar} and once with the launcher's options (C1-only JIT and an application class-data-sharing
 * archive recorded by a first, untimed run).
 */
public final class ProcessBench {
  /**
   * One command to time: its label, its arguments, how many manifest objects it reads, and what to
   * do (untimed) before each run, e.g. empty the account an apply writes to.
   */
  public record Workload(String label, int objects, List<String> args, Runnable before) {
    public Workload(String label, int objects, List<String> args) {
      this(label, objects, args, () -> {});
    }
  }

  /** The medians of one workload's runs; cpu and peak RSS when {@code /usr/bin/time} exists. */
  public record Figures(long wallMs, Optional<Long> cpuMs, Optional<Long> rssMb, int exitCode) {}

  static final Path TIME = Path.of("/usr/bin/time");
  private final PrintWriter out;
  private final Path jar;
  private final Path work;
  private final int runs;
  private final Map<String, String> env = new HashMap<>();

  public ProcessBench(PrintWriter out, Path jar, Path work, int runs) {
    this.out = out;
    this.jar = jar;
    this.work = work;
    this.runs = runs;
  }

  /** Environment variables every child process gets (credentials of a bench emulator). */
  public ProcessBench withEnv(Map<String, String> vars) {
    env.putAll(vars);
    return this;
  }

  /**
   * Runs {@code args} once in a child process (untimed), e.g. to fill an account; its exit code.
   */
  public int prepare(List<String> args) throws IOException, InterruptedException {
    return once(javaCommand(false, Optional.empty(), args));
  }

  /**
   * Runs {@code args} once as {@code ./chatform} would (C1 only, no archive) under {@code -Xmx256m}
   * and times it: for work too long to repeat, such as filling a large account.
   */
  public Figures timeOnce(List<String> args) throws IOException, InterruptedException {
    return measure(javaCommand(true, Optional.empty(), args), () -> {}, 1);
  }

  /** {@code --version}, validate of {@code starter}, and validate of the large account at sizes. */
  public List<Workload> workloads(Optional<Path> starter, List<Integer> agentCounts)
      throws IOException {
    List<Workload> w = new ArrayList<>();
    List<Workload> plans = new ArrayList<>();
    w.add(new Workload("--version", 0, List.of("--version")));
    starter.ifPresent(s -> w.add(new Workload("validate starter", 9, validate(s))));
    starter.ifPresent(s -> plans.add(new Workload("plan starter", 9, plan(s, "starter"))));
    for (int agents : agentCounts) {
      LargeAccount.Sizes sizes = sizes(agents);
      Path dir = new LargeAccount(sizes, ApiVersion.V3_6).write(work.resolve("large-" + agents));
      int objects = objects(sizes);
      w.add(new Workload("validate large", objects, validate(dir)));
      plans.add(new Workload("plan large", objects, plan(dir, "large-" + agents)));
    }
    w.addAll(plans);
    return w;
  }

  /** A plan against an empty embedded sandbox (no latency): everything is to be created. */
  private List<String> plan(Path dir, String name) {
    Path state = work.resolve("sandbox-" + name + ".json");
    return List.of("plan", "--sandbox", "--sandbox-state", state.toString(), "-f", dir.toString());
  }

  /**
   * The proportions (its xlarge account): 10,000 agents come with 1,000 groups, 500 rules
   * and 300 webhooks.
   */
  static LargeAccount.Sizes sizes(int agents) {
    return new LargeAccount.Sizes(agents, Math.max(1, agents / 10), agents / 20, agents * 3 / 100);
  }

  /** The objects a generated account holds. */
  static int objects(LargeAccount.Sizes s) {
    return s.agents() + s.groups() + s.rules() + s.webhooks();
  }

  private static List<String> validate(Path dir) {
    return List.of("validate", "-f", dir.toString());
  }

  /**
   * The JVM options {@code ./chatform} gives a short command (the C1 JIT only; the parallel
   * collector promoting survivors at once, since what a short run keeps lives until it exits).
   * {@code ProcessBenchTest} checks that the launcher script says the same.
   */
  static final List<String> LAUNCHER_OPTIONS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-XX:MaxTenuringThreshold=0");

  /**
   * The command of a run: always {@code -Xmx256m}; when tuned, the launcher's options and {@code
   * cds} (the archive to use, or to record).
   */
  List<String> javaCommand(boolean tuned, Optional<String> cds, List<String> args) {
    List<String> cmd = new ArrayList<>(List.of("java", "-Xmx256m"));
    if (tuned) {
      cmd.addAll(LAUNCHER_OPTIONS);
      cmd.add("-Xlog:cds*=off");
      cds.ifPresent(cmd::add);
    }
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.addAll(args);
    return cmd;
  }

  /**
   * Prints the header and one line per workload, plain and tuned side by side; returns the tuned
   * figures by label.
   */
  public Map<String, Figures> run(List<Workload> workloads)
      throws IOException, InterruptedException {
    Map<String, Figures> result = new java.util.LinkedHashMap<>();
    out.printf(
        java.util.Locale.ROOT,
        "bench start: java %s, %d CPUs, load average %.1f, %d runs each, medians, -Xmx256m%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        runs);
    out.printf("%-22s %8s  %-33s %-33s%n", "workload", "objects", "java -jar", "C1 + CDS archive");
    for (Workload w : workloads) {
      Path archive = work.resolve("archive-" + w.args().get(0).replace("-", "") + ".jsa");
      if (!Files.exists(archive)) {
        w.before().run();
        once(javaCommand(true, Optional.of("-XX:ArchiveClassesAtExit=" + archive), w.args()));
      }
      Figures plain = measure(javaCommand(false, Optional.empty(), w.args()), w.before());
      Figures tuned =
          measure(
              javaCommand(true, Optional.of("-XX:SharedArchiveFile=" + archive), w.args()),
              w.before());
      result.put(w.label(), tuned);
      out.printf(
          "%-22s %8s  %-33s %-33s%n",
          w.label(),
          w.objects() == 0 ? "-" : String.format(java.util.Locale.ROOT, "%,d", w.objects()),
          format(plain),
          format(tuned));
      out.flush();
    }
    return result;
  }

  public static String format(Figures f) {
    StringBuilder s = new StringBuilder(String.format(java.util.Locale.ROOT, "%,d ms", f.wallMs()));
    f.cpuMs().ifPresent(c -> s.append(String.format(java.util.Locale.ROOT, " (cpu %,d ms", c)));
    f.rssMb().ifPresent(r -> s.append(String.format(java.util.Locale.ROOT, ", %d MB", r)));
    if (f.cpuMs().isPresent()) {
      s.append(')');
    }
    if (f.exitCode() != 0) {
      s.append(" exit ").append(f.exitCode());
    }
    return s.toString();
  }

  /**
   * Times a command that is not chatform (e.g. the JS SDK baseline): {@code runs} runs, each after
   * {@code before}, with {@code vars} added to the environment instead of the bench's own.
   */
  public Figures measureOther(List<String> cmd, Map<String, String> vars, Runnable before)
      throws IOException, InterruptedException {
    Map<String, String> saved = new HashMap<>(env);
    env.clear();
    env.putAll(vars);
    try {
      return measure(cmd, before, runs);
    } finally {
      env.clear();
      env.putAll(saved);
    }
  }

  private Figures measure(List<String> cmd, Runnable before)
      throws IOException, InterruptedException {
    return measure(cmd, before, runs);
  }

  private Figures measure(List<String> cmd, Runnable before, int runs)
      throws IOException, InterruptedException {
    List<Long> wall = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    List<Long> rss = new ArrayList<>();
    int code = 0;
    boolean timed = Files.isExecutable(TIME);
    Path report = work.resolve("time.txt");
    for (int i = 0; i < runs; i++) {
      List<String> c = new ArrayList<>();
      if (timed) {
        c.addAll(List.of(TIME.toString(), "-f", "%U %S %M", "-o", report.toString()));
      }
      c.addAll(cmd);
      before.run();
      long start = System.nanoTime();
      code = Math.max(code, once(c));
      wall.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      if (timed) {
        TimeReport.parse(Files.readString(report))
            .ifPresent(
                t -> {
                  cpu.add(t.cpuMs());
                  rss.add(t.rssKb() / 1024);
                });
      }
    }
    return new Figures(
        median(wall),
        cpu.isEmpty() ? Optional.empty() : Optional.of(median(cpu)),
        rss.isEmpty() ? Optional.empty() : Optional.of(rss.stream().max(Long::compare).get()),
        code);
  }

  private int once(List<String> cmd) throws IOException, InterruptedException {
    ProcessBuilder b =
        new ProcessBuilder(cmd)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    b.environment().putAll(env);
    Process p = b.start();
    return p.waitFor();
  }

  /** What {@code /usr/bin/time -f "%U %S %M"} reports: user + system CPU and peak RSS. */
  record TimeReport(long cpuMs, long rssKb) {
    static Optional<TimeReport> parse(String text) {
      String[] last = text.strip().lines().reduce((a, b) -> b).orElse("").split("\\s+");
      try {
        double cpu = Double.parseDouble(last[0]) + Double.parseDouble(last[1]);
        return Optional.of(new TimeReport(Math.round(cpu * 1000), Long.parseLong(last[2])));
      } catch (RuntimeException e) {
        return Optional.empty(); // not the expected line (e.g. "Command exited with …" only)
      }
    }
  }

  static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get((sorted.size() - 1) / 2);
  }
}
