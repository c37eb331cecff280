#!/usr/bin/env bash
# On a merge to main: downloads the plan artefact that the pull request's last plan run (GitHub)
# or the merge request's plan job (GitLab) saved for this account, into $CHATFORM_OUT_DIR/plan.json. Exit 1 when there is none: then
# nothing is applied (re-run the plan on the pull request and merge again).
#   CHATFORM_PLAN_WORKFLOW  the workflow file that made the plan (default: chatform-plan.yml)
#   CHATFORM_PR_HEAD_SHA    the pull request's head commit (default: looked up from GITHUB_SHA)
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/common.sh"
. "$here/forge.sh"

if [ "$(forge)" = gitlab ]; then
  # The merge request's plan job ran on refs/merge-requests/IID/head; its artefact is the plan.
  iid=$(gl_ GET "repository/commits/$CI_COMMIT_SHA/merge_requests" | jq -r '.[0].iid // empty')
  [ -n "$iid" ] || { note "no merge request merged in $CI_COMMIT_SHA: no reviewed plan to apply"; exit 1; }
  echo "CHATFORM_PR=$iid" >"$CHATFORM_OUT_DIR/pr.env"
  gl_ GET "jobs/artifacts/refs%2Fmerge-requests%2F$iid%2Fhead/raw/$CHATFORM_OUT_DIR/plan.json?job=${CHATFORM_PLAN_JOB:-chatform-plan}" \
    -o "$CHATFORM_OUT_DIR/plan.json"
  note "fetched the plan of merge request !$iid for $CHATFORM_ACCOUNT"
  exit 0
fi

head="${CHATFORM_PR_HEAD_SHA:-}"
if [ -z "$head" ]; then
  pulls=$(gh_ api "repos/$GITHUB_REPOSITORY/commits/$GITHUB_SHA/pulls")
  head=$(echo "$pulls" | jq -r '.[0].head.sha // empty')
  number=$(echo "$pulls" | jq -r '.[0].number // empty')
  # merge-apply.sh comments on this pull request if the plan is refused.
  [ -z "$number" ] || [ -z "${GITHUB_ENV:-}" ] || echo "CHATFORM_PR=$number" >>"$GITHUB_ENV"
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
