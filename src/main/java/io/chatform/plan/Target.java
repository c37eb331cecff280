package io.chatform.plan;

import io.chatform.model.ApiVersion;

/**
 * The account a plan was made against; a saved plan applies only to the same target.
 *
 * @param account the account id for PAT credentials, or {@code bearer} for an access token
 */
public record Target(String apiUrl, String account, String apiVersion) {
  /**
   * True when the plan targets a developer preview of the API (3.7, opted into with {@code
   * --api-version 3.7}): the renderers and the JSON form say so.
   */
  public boolean preview() {
    return ApiVersion.fromAnyLabel(apiVersion).map(ApiVersion::preview).orElse(false);
  }

  /** What the renderers print when {@link #preview()}. */
  public String previewNote() {
    return "API "
        + apiVersion
        + " is a developer preview (not open to public use): its methods may still change";
  }

  /** As users name it in messages: "URL (account A, API 3.6)". */
  @Override
  public String toString() {
    return apiUrl + " (account " + account + ", API " + apiVersion + ")";
  }
}
