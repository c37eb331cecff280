package io.chatform.kinds;

/** Whom a kind's objects belong to, and so how it is listed and how far a plan prunes it. */
public enum Scope {
  /** The account's: listed in one call, pruned account-wide. */
  ACCOUNT,
  /** An app's (Client ID), but listed for all apps in one call; pruned for the manifests' apps. */
  APP,
  /** An app's, listed one call per app; pruned for the manifests' apps. */
  APP_LISTED
}
