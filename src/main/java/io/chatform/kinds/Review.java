package io.chatform.kinds;

import java.util.List;
import java.util.Set;

/**
 * A kind's verdict on a planned change of one object.
 *
 * @param notices what to tell the user about this object
 * @param dropped changed fields the plan must leave alone after all
 * @param skip true when the object must not be changed at all
 * @param irreversible true when the change cannot be undone
 * @param notes what the plan says on the change itself
 */
public record Review(
    List<String> notices,
    Set<String> dropped,
    boolean skip,
    boolean irreversible,
    List<String> notes) {
  public static final Review NONE = new Review(List.of(), Set.of(), false, false, List.of());

  public static Review skip(List<String> notices) {
    return new Review(List.copyOf(notices), Set.of(), true, false, List.of());
  }
}
