package io.chatform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.model.Kind;
import io.chatform.model.Policy;
import io.chatform.model.Resource;
import io.chatform.model.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Loads manifest files into a {@link DesiredState}, collecting every problem (syntax, schema,
 * references, limits of the API version) as located {@link Diagnostic}s instead of failing at the
 * first one. Never throws for bad input.
 */
public final class ManifestLoader {
  private final Function<String, Optional<String>> env;
  private final SecretMode mode;
  private final Map<Kind, Set<String>> writeOnly;
  private final List<Path> secretDirs;
  private final Variables variables;

  /**
   * Resolves every reference ({@link SecretMode#RESOLVE}).
   *
   * @param env looks up environment variables for {@code ${env:NAME}} (tests inject a map)
   */
  public ManifestLoader(Function<String, Optional<String>> env) {
    this(env, SecretMode.RESOLVE, Map.of(), List.of());
  }

  /**
   * @param writeOnly per kind, the top-level fields the API never returns (e.g. webhooks' {@code
   *     secret_key}): in {@link SecretMode#WHERE_SENT} their references may stay unresolved
   */
  public ManifestLoader(
      Function<String, Optional<String>> env, SecretMode mode, Map<Kind, Set<String>> writeOnly) {
    this(env, mode, writeOnly, List.of());
  }

  /** Resolves every reference, reading {@code ${file:…}} also from {@code secretDirs}. */
  public ManifestLoader(Function<String, Optional<String>> env, List<Path> secretDirs) {
    this(env, SecretMode.RESOLVE, Map.of(), secretDirs);
  }

  /**
   * @param secretDirs directories besides the manifests' own where {@code ${file:…}} may read
   *     ({@code --allow-secret-dir})
   */
  public ManifestLoader(
      Function<String, Optional<String>> env,
      SecretMode mode,
      Map<Kind, Set<String>> writeOnly,
      List<Path> secretDirs) {
    this(env, mode, writeOnly, secretDirs, Variables.NONE);
  }

  private ManifestLoader(
      Function<String, Optional<String>> env,
      SecretMode mode,
      Map<Kind, Set<String>> writeOnly,
      List<Path> secretDirs,
      Variables variables) {
    this.variables = variables;
    this.env = env;
    this.mode = mode;
    this.writeOnly = Map.copyOf(writeOnly);
    this.secretDirs = List.copyOf(secretDirs);
  }

  /** This loader, substituting {@code ${var:NAME}} from {@code variables}. */
  public ManifestLoader withVariables(Variables variables) {
    return new ManifestLoader(env, mode, writeOnly, secretDirs, variables);
  }

  /** A loader reading the process environment. */
  public static ManifestLoader withSystemEnv() {
    return new ManifestLoader(name -> Optional.ofNullable(System.getenv(name)));
  }

  /** Loads files and directories; the state is present only when no problem was found. */
  public LoadResult load(List<Path> paths, ApiVersion version) {
    return run(paths, version, false).result();
  }

  /**
   * As {@link #load}, also giving the manifests as one document after variables and overlays (for
   * {@code validate --print-merged}), present when they are valid.
   */
  public Merged loadMerged(List<Path> paths, ApiVersion version) {
    return run(paths, version, true);
  }

  /** What {@link #loadMerged} gives: the result and, when valid, the merged manifest as YAML. */
  public record Merged(LoadResult result, Optional<String> yaml) {}

  private Merged run(List<Path> paths, ApiVersion version, boolean print) {
    DiagnosticList diagnostics = new DiagnosticList();
    List<Item> items = new ArrayList<>();
    List<DeferredSecret> deferred = new ArrayList<>();
    Set<Kind> managed = new HashSet<>();
    Set<String> reported = new HashSet<>();
    TreeMap<String, byte[]> hashed = new TreeMap<>();
    Optional<Policy> policy = Optional.empty();
    SourceLocation policyAt = null;
    SecretFiles secretFiles = SecretFiles.of(paths, secretDirs);
    List<ParsedFile> parsed = new ArrayList<>();
    Map<String, JsonNode> used = new TreeMap<>();
    for (ManifestFiles.ManifestFile f : ManifestFiles.expand(paths, diagnostics)) {
      ParsedFile p = ParsedFile.read(f, variables, used, diagnostics);
      hashed.put(f.display(), p.bytes());
      parsed.add(p);
    }
    if (!used.isEmpty()) {
      // The values the files were read with are part of what was loaded (never a file name).
      StringBuilder values = new StringBuilder();
      used.forEach((n, v) -> values.append(n).append('=').append(Variables.encode(v)).append('\n'));
      hashed.put("\0variables", values.toString().getBytes(StandardCharsets.UTF_8));
    }
    Set<String> removed = Overlays.apply(parsed, diagnostics);
    List<ParsedFile> bases =
        parsed.stream().filter(p -> p.root().isPresent() && !p.overlay()).toList();
    Optional<String> merged =
        print ? Optional.of(MergedManifest.yaml(bases, removed)) : Optional.empty();
    for (ParsedFile f : bases) {
      FileLoad loaded = check(f, secretFiles, diagnostics, reported);
      collect(loaded, items, managed);
      SectionVersions.check(loaded.root(), loaded.index(), version, diagnostics);
      loaded.unresolved().values().stream()
          .filter(u -> mode == SecretMode.WHERE_SENT)
          .forEach(u -> deferred.add(deferral(loaded, u)));
      JsonNode p = loaded.root().get("policy");
      if (p != null) {
        SourceLocation here = loaded.index().value("/policy");
        if (policyAt != null) {
          diagnostics.add(
              new Diagnostic(
                  loaded.index().key("/policy"),
                  "policy",
                  "policy is declared more than once (also at " + policyAt + ")",
                  "keep one policy block across all manifest files"));
        } else {
          policyAt = here;
          policy = Optional.of(PolicyReader.read(p, loaded.index(), diagnostics, reported));
        }
      }
    }
    items.removeIf(i -> removed.contains(i.index().file() + "|" + i.ptr()));
    if (diagnostics.isEmpty() && hashed.isEmpty()) {
      diagnostics.add(
          new Diagnostic(SourceLocation.NONE, "", "no manifest files given", "pass -f PATH"));
    }
    try {
      new SemanticCheck(items, managed, version, reported, diagnostics).run();
    } catch (RuntimeException e) {
      // A bug in a check must not hide the other problems or crash the CLI.
      diagnostics.add(
          new Diagnostic(
              SourceLocation.NONE,
              "",
              "internal error while validating: " + e.getClass().getSimpleName(),
              "please report this with the manifest that caused it"));
    }
    List<Diagnostic> sorted = diagnostics.finish(sort(diagnostics));
    if (!sorted.isEmpty()) {
      return new Merged(new LoadResult(Optional.empty(), sorted), Optional.empty());
    }
    Map<Kind, List<Resource>> sections = new EnumMap<>(Kind.class);
    managed.forEach(k -> sections.put(k, new ArrayList<>()));
    for (Item i : items) {
      sections.get(i.kind()).add(new Resource(i.kind(), i.spec(), i.location(), i.sensitive()));
    }
    DesiredState state = new DesiredState(policy.orElse(Policy.DEFAULT), sections, hash(hashed));
    return new Merged(new LoadResult(Optional.of(state), List.of(), deferred), merged);
  }

  /** A deferred reference, named by the object's address and the field's spec pointer. */
  private static DeferredSecret deferral(FileLoad f, SecretResolver.Unresolved u) {
    // Deferrable pointers are /<section>/<index>/<field> (see deferrable()).
    String itemPtr = PositionIndex.parent(u.ptr());
    JsonNode spec = f.root().at(itemPtr);
    Kind kind = Kind.fromSection(PositionIndex.unescape(itemPtr.split("/")[1])).orElseThrow();
    return new DeferredSecret(
        kind.address(spec),
        u.ptr().substring(itemPtr.length()),
        new Diagnostic(
            f.index().value(u.ptr()), f.index().display(u.ptr()), u.problem(), u.hint()));
  }

  /** In WHERE_SENT: {@code /<list section>/<index>/<write-only field>} may stay unresolved. */
  private boolean deferrable(String ptr) {
    String[] parts = ptr.split("/", -1);
    if (parts.length != 4 || !parts[2].matches("\\d+")) {
      return false;
    }
    return Kind.fromSection(parts[1])
        .map(k -> writeOnly.getOrDefault(k, Set.of()).contains(parts[3]))
        .orElse(false);
  }

  /** One checked file: its tree, positions and secret pointers. */
  private record FileLoad(
      JsonNode root,
      PositionIndex index,
      Map<String, String> sensitive,
      Map<String, SecretResolver.Unresolved> unresolved) {}

  /** Secrets and the schema on one parsed (and merged) base file. */
  private FileLoad check(
      ParsedFile f, SecretFiles secretFiles, List<Diagnostic> diagnostics, Set<String> reported) {
    JsonNode root = f.root().orElseThrow();
    Map<String, String> sensitive = new HashMap<>();
    Path dir = f.file().path().toAbsolutePath().getParent();
    SecretResolver secrets =
        new SecretResolver(env, dir, secretFiles, f.index(), diagnostics, mode, this::deferrable);
    secrets.resolve(root, "", sensitive);
    List<String> schemaReported =
        SchemaCheck.check(
            root, f.index(), sensitive, secrets.unresolved().keySet(), f.failedVars(), diagnostics);
    List<String> all = new ArrayList<>(schemaReported);
    all.addAll(f.failedVars());
    all.addAll(NumberForms.check(f.oddNumbers(), f.index(), all, diagnostics));
    for (String ptr : all) {
      reported.add(f.display() + "|" + ptr);
    }
    return new FileLoad(root, f.index(), sensitive, secrets.unresolved());
  }

  /** Turns each object of each section into an {@link Item}; wrong shapes were reported. */
  private static void collect(FileLoad f, List<Item> items, Set<Kind> managed) {
    f.root()
        .fields()
        .forEachRemaining(
            e ->
                Kind.fromSection(e.getKey())
                    .ifPresent(
                        kind -> {
                          managed.add(kind);
                          SectionReader.read(
                              kind,
                              e.getValue(),
                              "/" + e.getKey(),
                              f.index(),
                              f.sensitive(),
                              f.unresolved().keySet(),
                              items);
                        }));
  }

  private static List<Diagnostic> sort(List<Diagnostic> diagnostics) {
    List<Diagnostic> out = new ArrayList<>(diagnostics);
    out.sort(
        Comparator.comparing((Diagnostic d) -> d.location().file())
            .thenComparingInt(d -> d.location().line())
            .thenComparingInt(d -> d.location().column()));
    return out;
  }

  private static String hash(TreeMap<String, byte[]> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      files.forEach(
          (path, bytes) -> {
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Long.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(bytes);
          });
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }
}
