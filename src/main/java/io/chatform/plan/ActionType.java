package io.chatform.plan;

/** What an action does to one object; the symbol is what reviewers see in the text plan. */
public enum ActionType {
  CREATE("+", "create"),
  UPDATE("~", "update"),
  REPLACE("-/+", "replace"),
  DELETE("-", "delete"),
  MOVE("↕", "move");

  private final String symbol;
  private final String verb;

  ActionType(String symbol, String verb) {
    this.symbol = symbol;
    this.verb = verb;
  }

  public String symbol() {
    return symbol;
  }

  public String verb() {
    return verb;
  }
}
