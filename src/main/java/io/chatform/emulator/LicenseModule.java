package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import java.util.Map;

/**
 * {@code get_license_id} / {@code get_organization_id}: the two look-ups between a license number
 * and its organization id that SDKs call (with GET and query parameters). The sandbox is one
 * license of one organization. Served on 3.4 only: the changelog's v3.5 entry says "The Get License
 * ID and Get Organization ID methods were removed", and the 3.5–3.7 method lists lack them (the
 * docs' payload folders of later versions still hold their example answers: leftovers).
 */
public final class LicenseModule implements Module {
  /** The sandbox license number. */
  public static final long LICENSE_ID = 100000001L;

  /** The sandbox organization id. */
  public static final String ORGANIZATION_ID = "5b3a1f0e-7c2d-4e8a-9b61-0c4d2e8f1a37";

  @Override
  public String name() {
    return "license";
  }

  @Override
  public Map<String, Handler> methods() {
    return Map.of(
        "get_license_id", Methods.until(ApiVersion.V3_4, this::licenseId),
        "get_organization_id", Methods.until(ApiVersion.V3_4, this::organizationId));
  }

  private JsonNode licenseId(Call call) {
    String org = BodyFields.requiredString(call.body(), "", "organization_id");
    if (!org.equals(ORGANIZATION_ID)) {
      throw ApiError.notFound("organization_id: organization " + org + " not found");
    }
    return Params.object().put("license_id", LICENSE_ID);
  }

  private JsonNode organizationId(Call call) {
    long license = BodyFields.requiredLong(call.body(), "", "license_id");
    if (license != LICENSE_ID) {
      throw ApiError.notFound("license_id: license " + license + " not found");
    }
    return Params.object().put("organization_id", ORGANIZATION_ID);
  }

  @Override
  public void writeState(ObjectNode into) {
    // Nothing changes: the ids are fixed.
  }

  @Override
  public void readState(JsonNode from) {
    // Nothing to restore.
  }

  @Override
  public void reset() {
    // Nothing to reset.
  }
}
