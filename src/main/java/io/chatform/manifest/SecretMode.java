package io.chatform.manifest;

/**
 * How {@code ${env:…}}/{@code ${file:…}} references are treated while loading, so pipelines without
 * secrets (pull requests from forks) can still validate and plan.
 */
public enum SecretMode {
  /**
   * {@code validate} (offline): references are checked for shape only (a valid variable name, a
   * file path) and left unresolved; values holding one are not judged further.
   */
  SHAPE,
  /** {@code validate --resolve}: every reference must resolve to a non-empty value. */
  RESOLVE,
  /**
   * {@code plan}/{@code apply}/{@code drift}: every reference must resolve, except in write-only
   * fields (a webhook's {@code secret_key}), which stay unresolved until the plan sends them.
   */
  WHERE_SENT
}
