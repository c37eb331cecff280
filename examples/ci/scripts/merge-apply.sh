#!/usr/bin/env bash
# On a merge to the main/protected branch: applies exactly the reviewed plan
# ($CHATFORM_OUT_DIR/plan.json, or the file given as $1). chatform proves the plan first; a stale
# plan (the account or the manifests changed since the review) is refused, nothing is applied,
# and the pull request (CHATFORM_PR, if known) gets a comment asking for a new plan and review.
# Exit 0 applied, 1 refused or failed.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/common.sh"
. "$here/forge.sh"

plan="${1:-$CHATFORM_OUT_DIR/plan.json}"
[ -f "$plan" ] || { note "no saved plan at $plan: nothing applied (re-run the plan)"; exit 1; }

rc=0
cf apply "$plan" ${mf[@]+"${mf[@]}"} --auto-approve --progress plain --no-color \
  >"$CHATFORM_OUT_DIR/apply.txt" 2>"$CHATFORM_OUT_DIR/apply.err" || rc=$?
cat "$CHATFORM_OUT_DIR/apply.txt"
cat "$CHATFORM_OUT_DIR/apply.err" >&2
[ "$rc" -eq 0 ] && exit 0

number="${CHATFORM_PR:-${CI_MERGE_REQUEST_IID:-}}"
if [ -n "$number" ]; then
  {
    echo "<!-- chatform-apply:$CHATFORM_ACCOUNT -->"
    echo "### chatform apply refused or failed"
    echo
    echo "Account \`$CHATFORM_ACCOUNT\`, commit \`${GITHUB_SHA:-${CI_COMMIT_SHA:-unknown}}\` (exit $rc)."
    echo "If the plan is stale, nothing was applied: re-run the plan, review it and merge again."
    echo
    fenced "$CHATFORM_OUT_DIR/apply.err"
  } >"$CHATFORM_OUT_DIR/apply-comment.md"
  forge_upsert_comment "$number" "<!-- chatform-apply:$CHATFORM_ACCOUNT -->" \
    "$CHATFORM_OUT_DIR/apply-comment.md"
fi
note "apply for $CHATFORM_ACCOUNT failed (exit $rc)"
exit 1
