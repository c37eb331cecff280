package io.chatform.cli;

import java.util.HashMap;
import java.util.Map;

/**
 * The environment for commands that read manifests only for routing (route, test, report): they
 * never use secret values, so an unset {@code ${env:…}} reads as a placeholder instead of failing
 * (a reviewer can run them without the pipeline's secrets). Plan and apply still require them.
 */
final class OfflineEnv {
  static final String PLACEHOLDER = "unset-for-offline-routing";

  private OfflineEnv() {}

  static Map<String, String> lenient(Map<String, String> env) {
    return new HashMap<>(env) {
      @Override
      public String get(Object key) {
        return super.getOrDefault(key, PLACEHOLDER);
      }
    };
  }
}
