#!/bin/sh
# The entry of the pre-commit framework's hooks (.pre-commit-hooks.yaml, language: script): what
# pre-commit passes, turned into what git passes, then the shim in hooks/ runs — it finds the
# project's aitrail (node_modules/.bin, never one the repository ships; else PATH) and runs
# `aitrail hook <name>`. Nothing is installed: the project has aitrail (npm i -D aitrail).
h=$1
shift
# `args: [--quiet]` in .pre-commit-config.yaml comes before the file names: AITRAIL_QUIET=1 for the hook.
while [ "${1:-}" = --quiet ] || [ "${1:-}" = -q ]; do
  AITRAIL_QUIET=1
  export AITRAIL_QUIET
  shift
done
s="$(dirname "$0")/../hooks/$h"
case $h in
  prepare-commit-msg)
    # pre-commit passes the message file; the message source and commit come as variables.
    exec "$s" "$1" ${PRE_COMMIT_COMMIT_MSG_SOURCE:+"$PRE_COMMIT_COMMIT_MSG_SOURCE"} ${PRE_COMMIT_COMMIT_OBJECT_NAME:+"$PRE_COMMIT_COMMIT_OBJECT_NAME"} ;;
  commit-msg)
    exec "$s" "$1" ;;
  pre-push)
    # pre-commit reads git's ref list itself and passes one ref (the first with commits to push)
    # as variables: give it to the shim as git would, its old value unknown (all zeros), so that
    # every commit the remote's default branch lacks is judged.
    to=${PRE_COMMIT_TO_REF:-}
    [ -n "$to" ] || to=$(git rev-parse --verify -q "${PRE_COMMIT_LOCAL_BRANCH:-}^{commit}")
    if [ -z "$to" ]; then
      echo "aitrail: push blocked: pre-commit named no commit to push (PRE_COMMIT_TO_REF and PRE_COMMIT_LOCAL_BRANCH unset), so the model policy cannot be checked. Fix: run the push through pre-commit's pre-push hook (pre-commit install --hook-type pre-push); to skip aitrail once: AITRAIL=0 git push ..." >&2
      exit 1
    fi
    zero=$(printf '%s' "$to" | tr 0-9a-f 0)
    printf '%s %s %s %s\n' "${PRE_COMMIT_LOCAL_BRANCH:-HEAD}" "$to" "${PRE_COMMIT_REMOTE_BRANCH:-HEAD}" "$zero" | "$s" "${PRE_COMMIT_REMOTE_NAME:-origin}" "${PRE_COMMIT_REMOTE_URL:-}" ;;
  *)
    echo "aitrail: unknown hook '$h' (prepare-commit-msg, commit-msg or pre-push)" >&2
    exit 2 ;;
esac
