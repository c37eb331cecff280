package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * A kind whose raw objects name groups by id (rules routing to them, members, values held in them),
 * so that a merge of duplicate groups counts those references to choose the keeper and moves them
 * to it before an extra is deleted.
 */
public interface GroupReferrer extends RawListed {
  /**
   * When a merge moves a kind's references, and how the explanation words them. Routing moves first
   * (visitors meet the keeper before anything leaves the extra), then members, then the values held
   * in the group.
   */
  enum Stage {
    ROUTES("routed to by %d rule(s) %s"),
    MEMBERS("%d member(s) %s"),
    VALUES("%d property value(s) %s");

    private final String wording;

    Stage(String wording) {
      this.wording = wording;
    }

    /** The explanation's phrase for the references {@code named} of this stage. */
    public String phrase(List<String> named) {
      return String.format(Locale.ROOT, wording, named.size(), named);
    }
  }

  Stage stage();

  /** What in {@code raw} names group {@code group}, as reviewers read it (ids, namespace/name). */
  List<String> naming(List<ObjectNode> raw, long group);

  /**
   * The calls that make {@code raw} name {@code keeper} instead of {@code extra}; updates {@code
   * raw} as those calls will, where a later step reads it.
   */
  List<RepairStep> move(List<ObjectNode> raw, long extra, long keeper);
}
