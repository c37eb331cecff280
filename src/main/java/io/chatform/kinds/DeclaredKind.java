package io.chatform.kinds;

import io.chatform.model.Kind;

/** A kind's facts that are plain data, given once in its constructor. */
abstract class DeclaredKind implements ResourceKind {
  private final Kind kind;
  private final Scope scope;

  DeclaredKind(Kind kind, Scope scope) {
    this.kind = kind;
    this.scope = scope;
  }

  @Override
  public final Kind kind() {
    return kind;
  }

  @Override
  public final Scope scope() {
    return scope;
  }
}
