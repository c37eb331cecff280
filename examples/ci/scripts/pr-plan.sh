#!/usr/bin/env bash
# On a pull/merge request: validate, plan with --out (the artefact the merge applies), and post
# the Markdown plan as one sticky comment per account (edited on every push, never duplicated).
# Exit 0 when the plan was made (with or without changes), 1 when validation or planning failed
# or was refused (e.g. an empty section or --max-deletions): the comment then says why.
# Extra plan options (e.g. "--max-deletions 5") come from CHATFORM_PLAN_ARGS.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/common.sh"
. "$here/forge.sh"

number="${CHATFORM_PR:-${CI_MERGE_REQUEST_IID:-}}"
if [ -z "$number" ] && [ -n "${GITHUB_EVENT_PATH:-}" ]; then
  number=$(jq -r '.pull_request.number // empty' "$GITHUB_EVENT_PATH")
fi
[ -n "$number" ] || { note "no pull request number (set CHATFORM_PR)"; exit 1; }

out="$CHATFORM_OUT_DIR"
marker="<!-- chatform-plan:$CHATFORM_ACCOUNT -->"
sha="${GITHUB_SHA:-${CI_COMMIT_SHA:-unknown}}"
rm -f "$out/plan.json" "$out/plan.md" "$out/plan.err" "$out/validate.txt"

rc=0
cf validate ${mf[@]+"${mf[@]}"} >"$out/validate.txt" 2>&1 || rc=$?
if [ "$rc" -eq 0 ]; then
  # shellcheck disable=SC2086
  cf plan ${mf[@]+"${mf[@]}"} --out "$out/plan.json" --markdown --detailed-exitcode \
    --no-color ${CHATFORM_PLAN_ARGS:-} >"$out/plan.md" 2>"$out/plan.err" || rc=$?
fi
rm -f "$out/report.html"
if [ "$rc" -eq 0 ] || [ "$rc" -eq 2 ]; then
  # The routing report (map with this plan's changes, staffing, lint) for the artefact; a failure
  # here never hides the plan.
  cf report ${mf[@]+"${mf[@]}"} --plan "$out/plan.json" --out "$out/report.html" \
    >/dev/null 2>"$out/report.err" || note "no routing report (see $out/report.err); the plan stands"
fi

{
  echo "$marker"
  case "$rc" in
    0 | 2)
      cat "$out/plan.md"
      echo
      echo "_Account \`$CHATFORM_ACCOUNT\`, commit \`$sha\`. Merging applies exactly this plan; it is refused if the account or the manifests change first._"
      ;;
    *)
      echo "### chatform plan failed"
      echo
      echo "Account \`$CHATFORM_ACCOUNT\`, commit \`$sha\`: nothing can be applied until this is fixed."
      echo
      if [ -f "$out/plan.err" ]; then fenced "$out/plan.err"; else fenced "$out/validate.txt"; fi
      ;;
  esac
} >"$out/comment.md"
forge_upsert_comment "$number" "$marker" "$out/comment.md"

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "changes=$([ "$rc" -eq 2 ] && echo true || echo false)" >>"$GITHUB_OUTPUT"
fi
case "$rc" in
  0 | 2) note "plan for $CHATFORM_ACCOUNT saved to $out/plan.json"; exit 0 ;;
  *) note "plan for $CHATFORM_ACCOUNT failed (exit $rc); see the comment"; exit 1 ;;
esac
