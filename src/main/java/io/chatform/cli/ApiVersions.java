package io.chatform.cli;

import io.chatform.model.ApiVersion;
import java.util.Iterator;

/**
 * The values {@code --api-version} takes, for help and shell completion: {@link
 * ApiVersion#SUPPORTED}.
 */
public final class ApiVersions implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return ApiVersion.SUPPORTED.stream().map(ApiVersion::label).iterator();
  }
}
