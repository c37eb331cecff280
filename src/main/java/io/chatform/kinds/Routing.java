package io.chatform.kinds;

/**
 * The part a kind's objects play in routing chats (what {@code route}, {@code test}, {@code
 * validate --lint} and {@code report} model): first matching rule, its target groups, the members
 * of those groups.
 */
public enum Routing {
  /** Groups chats are routed to. */
  GROUP,
  /** Rules in order, first match wins, routing a visitor to groups. */
  RULE,
  /** People who take chats in their groups. */
  AGENT,
  /** Bots that take chats in their groups. */
  BOT
}
