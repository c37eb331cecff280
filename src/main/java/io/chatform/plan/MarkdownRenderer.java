package io.chatform.plan;

import io.chatform.model.Escapes;
import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan as a pull-request comment: a header with the target and the totals, a summary table per
 * kind, the auto access order after apply, then a collapsed section per kind. A size guard keeps
 * the comment under {@link #LIMIT} characters (GitHub holds 65,536): sections that do not fit are
 * left out, said so, and the reader is pointed at the full plan.
 */
public final class MarkdownRenderer {
  /** The longest comment this renders, with room to spare for the CI script's own lines. */
  public static final int LIMIT = 60_000;

  /** Kept free below {@link #LIMIT}: the CI scripts add a marker and a footer line. */
  private static final int RESERVE = 1_500;

  /** Objects given the very same change are shown once from this many on. */
  static final int GROUP_FROM = 3;

  private final Heading heading;
  private final Optional<String> artifact;

  public MarkdownRenderer() {
    this(Heading.PLAN, Optional.empty());
  }

  /**
   * @param artifact where the full plan is when this comment cannot hold it, e.g. the file {@code
   *     plan --out} saved
   */
  public MarkdownRenderer(Heading heading, Optional<String> artifact) {
    this.heading = heading;
    this.artifact = artifact;
  }

  public String render(Plan plan) {
    StringBuilder head = new StringBuilder("### ").append(heading.title()).append("\n\n");
    head.append("**").append(plan.summary()).append("**\n\n");
    Target t = plan.target();
    head.append("Target: ")
        .append(Escapes.markdownCode(t.apiUrl()))
        .append(" · account ")
        .append(Escapes.markdownCode(t.account()))
        .append(" · API ")
        .append(Escapes.markdown(t.apiVersion()))
        .append(t.preview() ? " (developer preview)" : "")
        .append(" · fields ")
        .append(plan.fields().label())
        .append("\n\n");
    if (t.preview()) {
      head.append("> ⚠ ").append(Escapes.markdown(t.previewNote())).append(".\n\n");
    }
    Map<Kind, List<Action>> byKind = new LinkedHashMap<>();
    for (Kind k : Kind.values()) {
      List<Action> of = plan.actions().stream().filter(a -> a.kind() == k).toList();
      if (!of.isEmpty()) {
        byKind.put(k, of);
      }
    }
    if (plan.hasChanges()) {
      table(head, byKind);
    }
    int budget = LIMIT - RESERVE - head.length();
    String order = routingOrder(plan, budget / 4);
    budget -= order.length();
    String notices = notices(plan, budget / 4);
    budget -= notices.length();
    // Full details while they fit; then one line per object; then only the table's counts.
    Map<Kind, String> sections = new LinkedHashMap<>();
    int used = 0;
    for (Map.Entry<Kind, List<Action>> e : byKind.entrySet()) {
      String section = section(e.getKey(), e.getValue(), plan.routingOrder());
      if (used + section.length() <= budget) {
        sections.put(e.getKey(), section);
        used += section.length();
      }
    }
    List<String> left = new ArrayList<>();
    for (Map.Entry<Kind, List<Action>> e : byKind.entrySet()) {
      if (sections.containsKey(e.getKey())) {
        continue;
      }
      String brief = addresses(e.getKey(), e.getValue());
      if (used + brief.length() <= budget) {
        sections.put(e.getKey(), brief);
        used += brief.length();
        left.add(e.getKey().section() + " (one line per change)");
      } else {
        left.add(e.getKey().section() + " (" + count(e.getValue().size()) + ")");
      }
    }
    StringBuilder details = new StringBuilder();
    byKind.keySet().stream()
        .filter(sections::containsKey)
        .forEach(k -> details.append(sections.get(k)));
    StringBuilder out = new StringBuilder(head);
    if (!left.isEmpty()) {
      out.append("_Details left out, to keep this comment under ")
          .append(String.format("%,d", LIMIT))
          .append(" characters: ")
          .append(String.join(", ", left))
          .append(". ")
          .append(
              artifact
                  .map(
                      a ->
                          "The full plan is in "
                              + Escapes.markdownCode(a)
                              + ", saved by this plan (the CI job's artifact)")
                  .orElse("Run `chatform plan` for the full plan"))
          .append("._\n\n");
    }
    return out.append(order).append(details).append(notices).toString();
  }

  private static void table(StringBuilder out, Map<Kind, List<Action>> byKind) {
    out.append("| kind | create | update | replace | delete | move |\n");
    out.append("|---|---:|---:|---:|---:|---:|\n");
    byKind.forEach(
        (k, of) -> {
          out.append("| ").append(k.section());
          for (ActionType t : ActionType.values()) {
            long n =
                t == ActionType.MOVE
                    ? of.stream().filter(a -> a.moves() && a.type() != ActionType.CREATE).count()
                    : of.stream().filter(a -> a.type() == t).count();
            out.append(" | ").append(n);
          }
          out.append(" |\n");
        });
    out.append('\n');
  }

  private static String section(Kind kind, List<Action> of, List<RoutingOrder.Entry> order) {
    StringBuilder body = new StringBuilder();
    TextRenderer text = new TextRenderer(false);
    for (SameChange.Block b : SameChange.blocks(of, GROUP_FROM)) {
      if (b.actions().size() == 1) {
        text.action(body, b.actions().get(0), "", order);
      } else {
        SameChange.render(body, kind, b);
      }
    }
    return details(kind.section() + " (" + count(of.size()) + ")", body);
  }

  /** A kind's section reduced to one line per action: symbol, address and id. */
  private static String addresses(Kind kind, List<Action> of) {
    StringBuilder body = new StringBuilder();
    for (Action a : of) {
      ActionLines.Head head = ActionLines.head(a);
      body.append(head.painted()).append(head.rest()).append('\n');
    }
    return details(kind.section() + " (" + count(of.size()) + ", details left out)", body);
  }

  /** A collapsed section: {@code summary} always shown, {@code body} as a diff when opened. */
  private static String details(String summary, CharSequence body) {
    return "<details><summary>"
        + summary
        + "</summary>\n\n"
        + fenced("diff", body.toString().stripTrailing())
        + "\n\n</details>\n\n";
  }

  private static String routingOrder(Plan plan, int max) {
    List<String> lines = ActionLines.routingOrder(plan);
    if (lines.isEmpty()) {
      return "";
    }
    StringBuilder body = new StringBuilder();
    int shown = 0;
    for (String l : lines.subList(1, lines.size())) {
      if (body.length() + l.length() > max) {
        break;
      }
      body.append(l).append('\n');
      shown++;
    }
    int more = lines.size() - 1 - shown;
    if (more > 0) {
      body.append("… and ").append(more).append(" more rules\n");
    }
    return "**"
        + lines.get(0)
        + "**\n\n"
        + fenced("text", body.toString().stripTrailing())
        + "\n\n";
  }

  private static String notices(Plan plan, int max) {
    if (plan.notices().isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("**Notices**\n\n");
    int shown = 0;
    for (Notice n : plan.notices()) {
      String line =
          "- " + Escapes.markdownCode(n.address()) + ": " + Escapes.markdown(n.message()) + "\n";
      if (out.length() + line.length() > max) {
        break;
      }
      out.append(line);
      shown++;
    }
    if (shown < plan.notices().size()) {
      out.append("- … and ").append(plan.notices().size() - shown).append(" more notices\n");
    }
    return out.toString();
  }

  private static String count(int n) {
    return n + (n == 1 ? " change" : " changes");
  }

  /** A fence longer than any backtick run in the body, so no value can close it early. */
  private static String fenced(String lang, String body) {
    String fence = "`".repeat(Math.max(3, longestBacktickRun(body) + 1));
    return fence + lang + "\n" + body + "\n" + fence;
  }

  private static int longestBacktickRun(String text) {
    int longest = 0;
    int run = 0;
    for (char c : text.toCharArray()) {
      run = c == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }
}
