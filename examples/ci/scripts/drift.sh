#!/usr/bin/env bash
# Nightly: compares the account with the manifests. Drift opens (or updates) one issue per
# account, "chatform drift: ACCOUNT", with the Markdown report; a clean run closes it.
# Exit 0 (drift is reported in the issue; CHATFORM_FAIL_ON_DRIFT=true exits 2 instead), 1 on error.
# CHATFORM_FORGE=none only prints the report (e.g. in a Kubernetes CronJob: exit 2 on drift).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/common.sh"
. "$here/forge.sh"

title="chatform drift: $CHATFORM_ACCOUNT"
rc=0
cf drift ${mf[@]+"${mf[@]}"} --markdown --no-color >"$CHATFORM_OUT_DIR/drift.md" || rc=$?
if [ "${CHATFORM_FORGE:-}" = none ]; then
  cat "$CHATFORM_OUT_DIR/drift.md"
  exit "$rc"
fi
case "$rc" in
  2)
    {
      cat "$CHATFORM_OUT_DIR/drift.md"
      echo
      echo "_Found $(date -u +%Y-%m-%dT%H:%MZ) on account \`$CHATFORM_ACCOUNT\`. Undo it by applying the manifests, or change the manifests to match. This issue closes itself once the account matches again._"
    } >"$CHATFORM_OUT_DIR/issue.md"
    forge_upsert_issue "$title" "$CHATFORM_OUT_DIR/issue.md"
    note "drift on $CHATFORM_ACCOUNT: reported in the issue \"$title\""
    [ "${CHATFORM_FAIL_ON_DRIFT:-false}" = true ] && exit 2
    exit 0
    ;;
  0)
    forge_close_issue "$title" "The account matches the manifests again ($(date -u +%Y-%m-%dT%H:%MZ))."
    note "no drift on $CHATFORM_ACCOUNT"
    exit 0
    ;;
  *)
    note "drift check for $CHATFORM_ACCOUNT failed (exit $rc)"
    exit 1
    ;;
esac
