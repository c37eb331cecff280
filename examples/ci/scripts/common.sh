#!/usr/bin/env bash
# Shared by the CI scripts: which chatform to run, which account, where the outputs go.
# Every setting is an environment variable so GitHub Actions, GitLab CI and a CronJob set them
# the same way (and a test can point them at the sandbox emulator):
#   CHATFORM              command that runs chatform (default: chatform on PATH; e.g. "java -jar chatform.jar")
#   CHATFORM_ACCOUNT      a short name for the account, used in comment markers and issue titles (default: default)
#   CHATFORM_MANIFESTS    the manifests, a file or directory (default: manifests; set it empty when
#                         CHATFORM_TARGET_ARGS has --account NAME: the project file names them)
#   CHATFORM_TARGET_ARGS  extra target options, e.g. "--region fra --api-version 3.5" (word-split)
#   CHATFORM_OUT_DIR      where plan.json, plan.md, drift.md are written (default: .chatform-ci)
# Credentials (LIVECHAT_ACCOUNT_ID + LIVECHAT_PAT, or LIVECHAT_ACCESS_TOKEN) are read by chatform
# itself from the environment; these scripts never print them.
set -euo pipefail

CHATFORM_ACCOUNT="${CHATFORM_ACCOUNT:-default}"
CHATFORM_MANIFESTS="${CHATFORM_MANIFESTS-manifests}"
mf=()
[ -z "$CHATFORM_MANIFESTS" ] || mf=(-f "$CHATFORM_MANIFESTS")
CHATFORM_OUT_DIR="${CHATFORM_OUT_DIR:-.chatform-ci}"
mkdir -p "$CHATFORM_OUT_DIR"

# Runs chatform SUBCOMMAND ARGS… with the account's target options appended.
cf() {
  # shellcheck disable=SC2086 # CHATFORM and CHATFORM_TARGET_ARGS are word lists on purpose
  ${CHATFORM:-chatform} "$@" ${CHATFORM_TARGET_ARGS:-}
}

# Prints a fenced block of FILE's text (a fence longer than any backtick run inside it).
fenced() {
  local longest fence
  longest=$( (grep -o '`*' "$1" || true) | awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }')
  fence=$(printf '%*s' $((longest < 3 ? 3 : longest + 1)) '' | tr ' ' '`')
  printf '%s\n%s\n%s\n' "$fence" "$(cat "$1")" "$fence"
}

note() { echo "chatform-ci: $*" >&2; }
