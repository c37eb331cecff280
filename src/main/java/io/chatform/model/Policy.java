package io.chatform.model;

import java.util.List;

/**
 * The manifest's {@code policy:} block: how authoritative the manifests are.
 *
 * @param prune sections present are authoritative, so live objects missing from them are deleted
 * @param protect address globs ({@code agents/vip@acme.example}) never deleted or changed
 * @param ignore address globs ({@code agents/*@contractor.example}) never read into the plan
 */
public record Policy(boolean prune, List<String> protect, List<String> ignore) {
  public static final Policy DEFAULT = new Policy(true, List.of(), List.of());

  public Policy {
    protect = List.copyOf(protect);
    ignore = List.copyOf(ignore);
  }
}
