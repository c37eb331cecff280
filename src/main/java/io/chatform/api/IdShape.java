package io.chatform.api;

/**
 * How a method's answer identifies its objects, as the method's {@link ApiMethod} declares it: for
 * a list, what {@link AnswerChecks} checks in every object before anything is planned from it; for
 * a create that answers an id, the form that id must have.
 */
public enum IdShape {
  /** Nothing is checked: the answer has no objects with ids, or its reader checks its own. */
  UNCHECKED,
  /** Whole-number ids (greetings, canned responses, group property values). */
  INTEGER,
  /** Whole-number ids, and a name, when given, that is text (groups). */
  INTEGER_WITH_TEXT_NAME,
  /** Printable text ids (agents' e-mails, bots, rules, webhooks). */
  TEXT,
  /** No id: the name is the identity, printable and unique, and groups are named by id (tags). */
  NAME
}
