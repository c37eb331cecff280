package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A family of API methods with its own share of the account state (agents, groups, auto access,
 * properties, webhooks…). The server dispatches by method name and persists every module's state as
 * one JSON document, under the key {@link #name()}.
 */
public interface Module {
  /** Key of this module's state in the persisted document, e.g. {@code auto_access}. */
  String name();

  /** Method name → handler; the server checks versions only via the handlers themselves. */
  Map<String, Handler> methods();

  /** Writes this module's whole state into {@code into} (an empty object). */
  void writeState(ObjectNode into);

  /** Replaces this module's state with {@code from} (as written by {@link #writeState}). */
  void readState(JsonNode from);

  /** Resets to the state of a brand-new account. */
  void reset();
}
