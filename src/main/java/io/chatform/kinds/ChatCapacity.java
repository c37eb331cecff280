package io.chatform.kinds;

/**
 * What agents, bots and bot templates share about how many chats one takes: the API's default, one
 * fact for the three kinds that own the field.
 */
final class ChatCapacity {
  /** The chats an agent or bot takes at once when created without {@code max_chats_count}. */
  static final int MAX_CHATS_DEFAULT = 6;

  private ChatCapacity() {}
}
