package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One account's modules and their method table; its whole state is one JSON document keyed by
 * module name (what {@code --state}, {@code --seed} and {@code /__emulator/state} use). Not
 * thread-safe: the caller holds the state lock.
 */
public final class AccountState {
  private final Roster roster;
  private final List<Module> modules;
  private final Map<String, Handler> handlers = new HashMap<>();

  public AccountState(String accountId, String ownerEmail) {
    this.roster = new Roster(accountId, ownerEmail);
    this.modules = EmulatorModules.modules(roster);
    for (Module m : modules) {
      m.methods()
          .forEach(
              (name, h) -> {
                if (handlers.putIfAbsent(name, h) != null) {
                  throw new IllegalStateException("method " + name + " is defined twice");
                }
              });
    }
  }

  public Optional<Handler> handler(String method) {
    return Optional.ofNullable(handlers.get(method));
  }

  public Roster roster() {
    return roster;
  }

  /** The whole account as one JSON document. */
  public ObjectNode write() {
    ObjectNode doc = Params.object();
    for (Module m : modules) {
      m.writeState(doc.putObject(m.name()));
    }
    return doc;
  }

  /**
   * Replaces the whole account; a module missing from {@code doc} starts fresh. A bad document
   * ({@link IllegalArgumentException} naming the place) leaves this account unchanged: it is
   * checked, then loaded into a scratch account first.
   */
  public void read(JsonNode doc) {
    AccountState scratch = new AccountState(roster.accountId(), roster.ownerEmail());
    StateDocument.check(doc, scratch.write());
    try {
      scratch.restore(doc);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the state document does not load: " + e, e);
    }
    restore(doc);
  }

  /** Loads a document this emulator wrote itself (a snapshot): no checks, no scratch copy. */
  void restore(JsonNode doc) {
    for (Module m : modules) {
      if (doc.has(m.name())) {
        m.readState(doc.get(m.name()));
      } else {
        m.reset();
      }
    }
  }

  public void reset() {
    modules.forEach(Module::reset);
  }
}
