package io.chatform.api;

import java.util.Locale;

/**
 * The kinds of failure a call can end in: the API's {@code error.type} values plus the client's own
 * (transport, unexpected answer); callers branch on this, never on HTTP status.
 */
public enum ErrorType {
  AUTHENTICATION("check LIVECHAT_ACCOUNT_ID/LIVECHAT_PAT or LIVECHAT_ACCESS_TOKEN"),
  AUTHORIZATION(
      "the credentials lack a scope this method needs; grant it or use other credentials"),
  ALREADY_EXISTS(""),
  GROUP_NOT_FOUND(
      "a group this call names does not exist (deleted since the plan?); run plan again"),
  INTERNAL("the server failed; try again later"),
  LICENSE_EXPIRED("the LiveChat license has expired"),
  LIMIT_REACHED("an account limit was reached; remove objects or raise the limit"),
  MISDIRECTED_REQUEST("set --region to the license's data centre (dal or fra)"),
  NOT_FOUND(""),
  TOO_MANY_REQUESTS("lower --max-rps or --parallelism, or try again later"),
  OWNERSHIP_TRANSFER(""),
  UNSUPPORTED_VERSION("use --api-version 3.6 (stable) or 3.5"),
  VALIDATION(""),
  /** An {@code error.type} this client does not know (forward compatibility). */
  UNKNOWN(""),
  /** No answer: connection refused or reset, timeout, TLS failure. */
  TRANSPORT("check --api-url and the network"),
  /** An answer that is not a LiveChat API answer (not JSON, no error body, redirect). */
  UNEXPECTED_RESPONSE("check that --api-url points at the LiveChat API");

  private final String hint;

  ErrorType(String hint) {
    this.hint = hint;
  }

  /** What the user can do about it; empty when the message says it all. */
  public String hint() {
    return hint;
  }

  /** The wire spelling, e.g. {@code not_found}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Maps a wire {@code error.type}. Both spellings of two types are accepted: the docs' error list
   * says {@code already_exist} and {@code transfer_ownership}, summaries and SDKs also use {@code
   * already_exists} and {@code ownership_transfer}.
   */
  public static ErrorType fromWire(String type) {
    if (type.equals("transfer_ownership")) {
      return OWNERSHIP_TRANSFER;
    }
    if (type.equals("already_exist")) {
      return ALREADY_EXISTS;
    }
    for (ErrorType t : values()) {
      if (t.ordinal() < UNKNOWN.ordinal() && t.wire().equals(type)) {
        return t;
      }
    }
    return UNKNOWN;
  }
}
