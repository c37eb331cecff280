package io.chatform.emulator;

/**
 * What one module may ask of the others, so modules stay separate classes: e.g. auto access and
 * group properties check that a group exists.
 */
public interface Account {
  boolean groupExists(long groupId);

  /** True when an agent (by e-mail) or a bot (by id) exists. */
  boolean agentOrBotExists(String id);

  /**
   * Every existing group id, ascending (for "all groups" listings); the default knows none, so an
   * account that cannot enumerate its groups lists only groups holding values.
   */
  default java.util.List<Long> groupIds() {
    return java.util.List.of();
  }
}
