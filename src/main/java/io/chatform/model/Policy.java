package io.chatform.model;

import java.util.List;

/**
 * The manifest's {@code policy:} block: how authoritative the manifests are.
 *
 * @param prune sections present are authoritative, so live objects missing from them are deleted
 * @param protect address globs ({@code agents/vip@acme.example}) never deleted or changed
 * @param ignore address globs ({@code agents/*@contractor.example}) never read into the plan
 * @param fields {@code policy.fields}: which fields are compared ({@link FieldMode}); a {@code
 *     --fields} flag wins over it
 */
public record Policy(boolean prune, List<String> protect, List<String> ignore, FieldMode fields) {
  public static final Policy DEFAULT = new Policy(true, List.of(), List.of());

  public Policy {
    protect = List.copyOf(protect);
    ignore = List.copyOf(ignore);
  }

  /** A policy in the default {@code owned} field mode. */
  public Policy(boolean prune, List<String> protect, List<String> ignore) {
    this(prune, protect, ignore, FieldMode.OWNED);
  }
}
