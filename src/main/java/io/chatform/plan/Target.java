package io.chatform.plan;

/**
 * The account a plan was made against; a saved plan applies only to the same target.
 *
 * @param account the account id for PAT credentials, or {@code bearer} for an access token
 */
public record Target(String apiUrl, String account, String apiVersion) {
  /** As users name it in messages: "URL (account A, API 3.6)". */
  @Override
  public String toString() {
    return apiUrl + " (account " + account + ", API " + apiVersion + ")";
  }
}
