package io.chatform.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the client authenticates: a personal access token (Basic, the usual choice for CI) or an
 * OAuth access token (Bearer); read from the environment so secrets never sit in manifests.
 */
public sealed interface Credentials {
  String ENV_ACCOUNT_ID = "LIVECHAT_ACCOUNT_ID";
  String ENV_PAT = "LIVECHAT_PAT";
  String ENV_ACCESS_TOKEN = "LIVECHAT_ACCESS_TOKEN";

  String HOW_TO =
      "set either "
          + ENV_ACCOUNT_ID
          + " and "
          + ENV_PAT
          + " (personal access token) or "
          + ENV_ACCESS_TOKEN
          + " (OAuth access token), not both";

  /** The value of the {@code Authorization} header. */
  String authorizationHeader();

  /** Every secret string this credential can put on the wire, for the redaction layer. */
  Iterable<String> secretStrings();

  /** Personal access token: {@code Authorization: Basic base64(account_id:PAT)}. */
  record Pat(String accountId, Secret pat) implements Credentials {
    public Pat {
      Objects.requireNonNull(accountId, "accountId");
      Objects.requireNonNull(pat, "pat");
    }

    @Override
    public String authorizationHeader() {
      return "Basic " + basic();
    }

    private String basic() {
      String raw = accountId + ":" + pat.reveal();
      return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Iterable<String> secretStrings() {
      return java.util.List.of(pat.reveal(), basic());
    }
  }

  /** OAuth access token of an app: {@code Authorization: Bearer <token>}. */
  record Bearer(Secret token) implements Credentials {
    public Bearer {
      Objects.requireNonNull(token, "token");
    }

    @Override
    public String authorizationHeader() {
      return "Bearer " + token.reveal();
    }

    @Override
    public Iterable<String> secretStrings() {
      return java.util.List.of(token.reveal());
    }
  }

  /**
   * Reads {@code LIVECHAT_ACCOUNT_ID} + {@code LIVECHAT_PAT} or {@code LIVECHAT_ACCESS_TOKEN}.
   *
   * @throws IllegalArgumentException with one message naming the variables to set, when the
   *     credentials are missing or ambiguous
   */
  static Credentials fromEnvironment(Map<String, String> env) {
    Optional<String> account = nonBlank(env.get(ENV_ACCOUNT_ID));
    Optional<String> pat = nonBlank(env.get(ENV_PAT));
    Optional<String> token = nonBlank(env.get(ENV_ACCESS_TOKEN));
    headerSafe(ENV_ACCOUNT_ID, account);
    headerSafe(ENV_PAT, pat);
    headerSafe(ENV_ACCESS_TOKEN, token);
    boolean patKind = account.isPresent() || pat.isPresent();
    if (patKind && token.isPresent()) {
      throw new IllegalArgumentException(
          "ambiguous LiveChat credentials: both "
              + ENV_ACCESS_TOKEN
              + " and "
              + (pat.isPresent() ? ENV_PAT : ENV_ACCOUNT_ID)
              + " are set; "
              + HOW_TO);
    }
    if (token.isPresent()) {
      return new Bearer(Secret.of(token.get()));
    }
    if (account.isPresent() && pat.isPresent()) {
      return new Pat(account.get(), Secret.of(pat.get()));
    }
    if (account.isPresent()) {
      throw new IllegalArgumentException(
          "incomplete LiveChat credentials: "
              + ENV_ACCOUNT_ID
              + " is set but "
              + ENV_PAT
              + " is not; "
              + HOW_TO);
    }
    if (pat.isPresent()) {
      throw new IllegalArgumentException(
          "incomplete LiveChat credentials: "
              + ENV_PAT
              + " is set but "
              + ENV_ACCOUNT_ID
              + " is not; "
              + HOW_TO);
    }
    throw new IllegalArgumentException("no LiveChat credentials in the environment: " + HOW_TO);
  }

  /**
   * Credentials travel in the Authorization header, which takes visible ASCII only: a line break
   * pasted into a variable is named here (never where in the value it sits, nor the value).
   */
  private static void headerSafe(String variable, Optional<String> value) {
    if (value.isPresent() && value.get().chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
      throw new IllegalArgumentException(
          variable
              + " holds a character an HTTP header cannot carry (a line break, a tab or a"
              + " non-ASCII letter): set it to the credential alone");
    }
  }

  private static Optional<String> nonBlank(String s) {
    return Optional.ofNullable(s).map(String::strip).filter(v -> !v.isEmpty());
  }
}
