#!/usr/bin/env bash
# On a merge to main (GitHub): downloads the plan artefact that the pull request's last plan run
# uploaded for this account, into $CHATFORM_OUT_DIR/plan.json. Exit 1 when there is none: then
# nothing is applied (re-run the plan on the pull request and merge again).
#   CHATFORM_PLAN_WORKFLOW  the workflow file that made the plan (default: chatform-plan.yml)
#   CHATFORM_PR_HEAD_SHA    the pull request's head commit (default: looked up from GITHUB_SHA)
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/common.sh"
. "$here/forge.sh"

head="${CHATFORM_PR_HEAD_SHA:-}"
if [ -z "$head" ]; then
  head=$(gh_ api "repos/$GITHUB_REPOSITORY/commits/$GITHUB_SHA/pulls" | jq -r '.[0].head.sha // empty')
fi
[ -n "$head" ] || { note "no pull request merged in $GITHUB_SHA: no reviewed plan to apply"; exit 1; }

run=$(gh_ run list --repo "$GITHUB_REPOSITORY" --workflow "${CHATFORM_PLAN_WORKFLOW:-chatform-plan.yml}" \
  --commit "$head" --status success --limit 1 --json databaseId | jq -r '.[0].databaseId // empty')
[ -n "$run" ] || { note "no successful plan run for $head: re-run the plan on the pull request"; exit 1; }

rm -rf "$CHATFORM_OUT_DIR/artefact"
gh_ run download "$run" --repo "$GITHUB_REPOSITORY" -n "chatform-plan-$CHATFORM_ACCOUNT" \
  -D "$CHATFORM_OUT_DIR/artefact"
cp "$CHATFORM_OUT_DIR/artefact/plan.json" "$CHATFORM_OUT_DIR/plan.json"
note "fetched the plan of run $run (commit $head) for $CHATFORM_ACCOUNT"
