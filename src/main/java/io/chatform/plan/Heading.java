package io.chatform.plan;

/**
 * What a rendered plan is presented as: the plan of an apply, or the drift a schedule found (the
 * same actions, worded as what apply would do to undo it). Renderers take it instead of callers
 * rewriting their text.
 */
public enum Heading {
  PLAN("chatform plan", "chatform will perform these actions (in this order):"),
  DRIFT("chatform drift", "What chatform apply would do to undo it (in this order):");

  private final String title;
  private final String intro;

  Heading(String title, String intro) {
    this.title = title;
    this.intro = intro;
  }

  /** The Markdown title, e.g. {@code chatform plan}. */
  public String title() {
    return title;
  }

  /** The line the text form opens its list of actions with. */
  public String intro() {
    return intro;
  }
}
