package io.chatform.plan;

import io.chatform.model.Escapes;
import io.chatform.model.Kind;
import java.util.List;

/** The plan as a pull-request comment: a summary table, then a collapsible section per kind. */
public final class MarkdownRenderer {
  public String render(Plan plan) {
    StringBuilder out = new StringBuilder("### chatform plan\n\n");
    out.append("**").append(plan.summary()).append("**\n\n");
    if (plan.hasChanges()) {
      out.append("| kind | create | update | replace | delete | move |\n");
      out.append("|---|---:|---:|---:|---:|---:|\n");
      for (Kind k : Kind.values()) {
        List<Action> of = plan.actions().stream().filter(a -> a.kind() == k).toList();
        if (of.isEmpty()) {
          continue;
        }
        out.append("| ").append(k.section());
        for (ActionType t : ActionType.values()) {
          long n =
              t == ActionType.MOVE
                  ? of.stream().filter(a -> a.moves() && a.type() != ActionType.CREATE).count()
                  : of.stream().filter(a -> a.type() == t).count();
          out.append(" | ").append(n);
        }
        out.append(" |\n");
      }
      out.append('\n');
      TextRenderer text = new TextRenderer(false);
      for (Kind k : Kind.values()) {
        List<Action> of = plan.actions().stream().filter(a -> a.kind() == k).toList();
        if (of.isEmpty()) {
          continue;
        }
        out.append("<details><summary>")
            .append(k.section())
            .append(" (")
            .append(of.size())
            .append(of.size() == 1 ? " change" : " changes")
            .append(")</summary>\n\n");
        Plan part =
            new Plan(
                plan.formatVersion(),
                plan.target(),
                plan.manifestHash(),
                of,
                plan.fingerprints(),
                List.of());
        String body = text.render(part);
        // Drop the heading and the summary: the table already says it.
        body = body.substring(body.indexOf("\n\n") + 2, body.lastIndexOf(part.summary()));
        body = body.stripTrailing().replaceAll("(?m)^  ", "");
        // A fence longer than any backtick run in the values, so no value can close it early.
        String fence = "`".repeat(Math.max(3, longestBacktickRun(body) + 1));
        out.append(fence).append("diff\n").append(body).append('\n').append(fence);
        out.append("\n\n</details>\n\n");
      }
    }
    if (!plan.notices().isEmpty()) {
      out.append("**Notices**\n\n");
      plan.notices()
          .forEach(
              n ->
                  out.append("- ")
                      .append(Escapes.markdownCode(n.address()))
                      .append(": ")
                      .append(Escapes.markdown(n.message()))
                      .append('\n'));
    }
    return out.toString();
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
