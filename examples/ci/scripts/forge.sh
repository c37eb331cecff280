#!/usr/bin/env bash
# The only code that talks to GitHub or GitLab: one sticky comment per pull/merge request and
# account, one drift issue per account. Which forge: CHATFORM_FORGE=github|gitlab, else detected
# from GITHUB_ACTIONS / GITLAB_CI. The client commands are overridable (GH, CURL) so a test can
# record what would be posted.
#   GitHub: GITHUB_REPOSITORY, GH_TOKEN (from secrets.GITHUB_TOKEN); uses the gh CLI.
#   GitLab: CI_API_V4_URL, CI_PROJECT_ID, GITLAB_TOKEN (a masked CI/CD variable); uses curl.

forge() {
  if [ -n "${CHATFORM_FORGE:-}" ]; then echo "$CHATFORM_FORGE"
  elif [ -n "${GITLAB_CI:-}" ]; then echo gitlab
  else echo github
  fi
}

gh_() { ${GH:-gh} "$@"; }

gl_() { # gl_ METHOD PATH [curl args…]: a GitLab API call, JSON on stdout
  local method=$1 path=$2
  shift 2
  ${CURL:-curl} -sS --fail-with-body -X "$method" -H "PRIVATE-TOKEN: ${GITLAB_TOKEN:?set GITLAB_TOKEN}" \
    "${CI_API_V4_URL:?}/projects/${CI_PROJECT_ID:?}/$path" "$@"
}

# forge_upsert_comment NUMBER MARKER BODYFILE: edits the comment holding MARKER, or adds one.
forge_upsert_comment() {
  local number=$1 marker=$2 body=$3 id
  if [ "$(forge)" = gitlab ]; then
    id=$(gl_ GET "merge_requests/$number/notes?per_page=100" |
      jq -r --arg m "$marker" '[.[] | select(.body | contains($m)) | .id][0] // empty')
    if [ -n "$id" ]; then
      gl_ PUT "merge_requests/$number/notes/$id" --data-urlencode "body@$body" >/dev/null
    else
      gl_ POST "merge_requests/$number/notes" --data-urlencode "body@$body" >/dev/null
    fi
    return
  fi
  id=$(gh_ api "repos/$GITHUB_REPOSITORY/issues/$number/comments" --paginate |
    jq -rs --arg m "$marker" '[.[][] | select(.body | contains($m)) | .id][0] // empty')
  if [ -n "$id" ]; then
    gh_ api -X PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$id" -F "body=@$body" >/dev/null
  else
    gh_ api -X POST "repos/$GITHUB_REPOSITORY/issues/$number/comments" -F "body=@$body" >/dev/null
  fi
}

# forge_find_issue TITLE: the number of the open issue with exactly this title, or nothing.
forge_find_issue() {
  if [ "$(forge)" = gitlab ]; then
    gl_ GET "issues?state=opened&per_page=100" --get --data-urlencode "search=$1" |
      jq -r --arg t "$1" '[.[] | select(.title == $t) | .iid][0] // empty'
  else
    gh_ issue list --repo "$GITHUB_REPOSITORY" --state open --search "\"$1\" in:title" \
      --json number,title | jq -r --arg t "$1" '[.[] | select(.title == $t) | .number][0] // empty'
  fi
}

# forge_upsert_issue TITLE BODYFILE: updates the open issue titled TITLE, or opens it.
forge_upsert_issue() {
  local title=$1 body=$2 n
  n=$(forge_find_issue "$title")
  if [ "$(forge)" = gitlab ]; then
    if [ -n "$n" ]; then
      gl_ PUT "issues/$n" --data-urlencode "description@$body" >/dev/null
    else
      gl_ POST issues --data-urlencode "title=$title" --data-urlencode "description@$body" >/dev/null
    fi
  elif [ -n "$n" ]; then
    gh_ issue edit "$n" --repo "$GITHUB_REPOSITORY" --body-file "$body" >/dev/null
  else
    gh_ issue create --repo "$GITHUB_REPOSITORY" --title "$title" --body-file "$body" >/dev/null
  fi
}

# forge_close_issue TITLE COMMENT: closes the open issue titled TITLE, if there is one.
forge_close_issue() {
  local title=$1 comment=$2 n
  n=$(forge_find_issue "$title")
  [ -n "$n" ] || return 0
  if [ "$(forge)" = gitlab ]; then
    gl_ POST "issues/$n/notes" --data-urlencode "body=$comment" >/dev/null
    gl_ PUT "issues/$n" --data-urlencode "state_event=close" >/dev/null
  else
    gh_ issue close "$n" --repo "$GITHUB_REPOSITORY" --comment "$comment" >/dev/null
  fi
}
