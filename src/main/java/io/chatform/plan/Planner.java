package io.chatform.plan;

import io.chatform.kinds.Kinds;
import io.chatform.kinds.LiveObject;
import io.chatform.kinds.LiveState;
import io.chatform.kinds.Owners;
import io.chatform.model.DesiredState;
import io.chatform.model.FieldMode;
import io.chatform.model.Kind;
import io.chatform.model.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns desired and live state into a {@link Plan}: per-kind diffs, auto access order, safety rules
 * and the dependency graph. Pure: it reads nothing and writes nothing, so every rule is
 * unit-tested.
 */
public final class Planner {
  public Plan plan(DesiredState desired, LiveState live, PlanOptions opts) {
    Map<String, String> shown = new HashMap<>();
    desired
        .sections()
        .values()
        .forEach(rs -> rs.forEach(r -> shown.put(r.rawAddress(), r.address())));
    SafetyRules safety =
        new SafetyRules(desired.policy(), live.callerAgentId(), a -> shown.getOrDefault(a, a));
    boolean prune = opts.prune() && desired.policy().prune();
    FieldMode fields = opts.fieldMode(desired.policy());
    Set<String> owners = Owners.declared(desired);
    List<String> refusals = new ArrayList<>();
    List<Notice> notices = new ArrayList<>();
    List<Action> actions = new ArrayList<>();
    RenamedReferences renamed = new RenamedReferences();
    for (Kind kind : Kind.values()) {
      if (!desired.manages(kind)) {
        continue;
      }
      boolean perApp = Kinds.of(kind).perApp();
      List<Resource> want =
          desired.section(kind).orElseThrow().stream()
              .filter(r -> !safety.ignored(r.rawAddress()))
              .toList();
      // Declared and ignored at once: say so, or the user wonders why their edit never applies.
      desired.section(kind).orElseThrow().stream()
          .filter(r -> safety.ignored(r.rawAddress()))
          .forEach(
              r ->
                  notices.add(
                      new Notice(
                          r.address(),
                          "declared in the manifests but matched by policy.ignore, so not"
                              + " managed; remove it from policy.ignore or from the manifests")));
      List<LiveObject> have =
          renamed.follow(live.of(kind)).stream()
              .filter(o -> !safety.ignored(o.address()))
              .filter(o -> !perApp || owners.contains(Owners.of(o)))
              .toList();
      if (want.isEmpty() && perApp) {
        // An empty section of an app-owned kind cannot say which apps it means: say what stays.
        java.util.TreeSet<String> others = new java.util.TreeSet<>();
        live.of(kind).stream()
            .filter(o -> !safety.ignored(o.address()) && !owners.contains(Owners.of(o)))
            .forEach(o -> others.add(Owners.of(o)));
        if (!others.isEmpty()) {
          notices.add(
              new Notice(
                  kind.section(),
                  "the section is empty, but the live ones belong to apps the manifests do not"
                      + " mention ("
                      + String.join(", ", others)
                      + "), so they are left alone; to delete them, mention the app elsewhere"
                      + " (e.g. license_webhooks: {CLIENT_ID: disabled})"));
        }
      }
      KindDiff diff = new KindDiff(kind, opts.version(), safety, opts.replace(), fields);
      diff.run(want, have, prune);
      renamed.record(kind, diff.actions());
      actions.addAll(diff.actions());
      notices.addAll(diff.notices());
      refusals.addAll(diff.refusals());
      if (want.isEmpty() && prune && !opts.allowEmpty()) {
        long doomed = diff.actions().stream().filter(a -> a.type() == ActionType.DELETE).count();
        if (doomed > 0) {
          refusals.add(
              kind.section()
                  + ": the section is empty but the account has "
                  + doomed
                  + " of them: this would delete them all. Add the objects to the manifest,"
                  + " remove the section to leave them unmanaged, or pass --allow-empty.");
        }
      }
    }
    for (String address : new java.util.TreeSet<>(opts.replace())) {
      boolean replaced =
          actions.stream()
              .anyMatch(a -> a.address().equals(address) && a.type() == ActionType.REPLACE);
      if (!replaced) {
        refusals.add(
            "--replace "
                + address
                + ": no webhook or property definition with that address is both in the manifests"
                + " and in the account (and replaceable; see the notices). Addresses look like"
                + " webhooks/<client id>/<type>/<action>/<url>; plan shows them.");
      }
    }
    actions.addAll(ReplacedValues.restore(desired, live, actions, safety::ignored));
    actions = Destructive.mark(actions, desired, live, a -> shown.getOrDefault(a, a));
    refusals.addAll(SafetyRules.limits(actions, opts));
    if (opts.applyChecks()) {
      refusals.addAll(SlotCapacity.refusals(actions, live));
      refusals.addAll(UnmanagedReferences.refusals(desired, live, safety::ignored));
    }
    if (!refusals.isEmpty()) {
      throw new PlanRefusedException(refusals);
    }
    List<Action> ordered = Dependencies.link(actions);
    Map<String, String> fingerprints = Fingerprints.of(ordered, live, renamed::original);
    return new Plan(
            Plan.FORMAT_VERSION,
            opts.target(),
            desired.manifestHash(),
            ordered,
            fingerprints,
            notices)
        .withFields(fields);
  }
}
