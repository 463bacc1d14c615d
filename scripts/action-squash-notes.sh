# Sourced by scripts/action.sh when the squash-notes input is true: on a merged pull request
# (`pull_request` closed event, merged), give the commit the merge made on the target branch the
# line-level note composed from the pull request's own commits' notes (a squash merge on the
# hosting service drops them), with `aitrail notes squash`, and push refs/notes/ai to origin.
# Needs `contents: write`. Uses from action.sh: say, fail, field, event, aitrail, remote_has_notes.
[ "$event" = pull_request ] || [ "$event" = pull_request_target ] || fail "squash-notes runs on a pull_request event (types: [closed]); this is a $event event" 2
# Only on the closed event: in a workflow that also runs on opened or synchronize (squash-notes
# added to the judging workflow), every open pull request ended "not merged" with exit 0, unjudged.
action=$(field action)
[ "$action" = closed ] || fail "squash-notes runs instead of judging, on a closed pull request (pull_request types: [closed]); this is a pull request ${action:-(no action)} event, which it would pass unjudged: judge pull requests in a workflow without squash-notes" 2
merged_flag=$(node -e 'const v = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); process.stdout.write(v.pull_request && v.pull_request.merged === true ? "yes" : "")' "${GITHUB_EVENT_PATH:-/dev/null}" 2>/dev/null)
if [ "$merged_flag" != yes ]; then
  say 'aitrail: the pull request was not merged: no note to compose'
  exit 0
fi
merged=$(field pull_request.merge_commit_sha)
head=$(field pull_request.head.sha)
base=$(field pull_request.base.ref)
number=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).pull_request.number' "${GITHUB_EVENT_PATH:-/dev/null}" 2>/dev/null)
printf '%s' "$merged$head" | grep -Eq '^[0-9a-f]{80,128}$' || fail 'the event names no merge commit and head commit (pull_request.merge_commit_sha, pull_request.head.sha)' 2
printf '%s' "$number" | grep -Eq '^[0-9]+$' || fail 'the event names no pull request number' 2
[ -n "$base" ] || fail 'the event names no target branch (pull_request.base.ref)' 2

say "aitrail: fetching origin/$base, pull request #$number and refs/notes/ai"
refspecs=("+refs/heads/$base:refs/remotes/origin/$base" "+refs/pull/$number/head:refs/remotes/origin/pull/$number/head")
remote_has_notes && refspecs+=('+refs/notes/ai:refs/notes/ai')
unshallow=()
[ "$(git rev-parse --is-shallow-repository)" = true ] && unshallow=(--unshallow)
git fetch --quiet --no-tags "${unshallow[@]}" origin "${refspecs[@]}" >&2 || fail 'git fetch from origin failed: give the job contents: write permission, and keep actions/checkout'"'"'s credentials (persist-credentials: false leaves a private repository unreadable to later steps)'
git cat-file -e "$merged^{commit}" 2>/dev/null || fail "the merge commit $merged is not on origin/$base" 3
git cat-file -e "$head^{commit}" 2>/dev/null || fail "the pull request's head $head cannot be fetched" 3

if [ "$(git rev-list --no-walk --count --min-parents=2 "$merged")" != 0 ]; then
  say 'aitrail: a merge commit keeps the pull request commits and their notes: nothing to compose'
  exit 0
fi

# The notes commit needs an identity; a runner has none.
export GIT_AUTHOR_NAME=${GIT_AUTHOR_NAME:-github-actions[bot]} GIT_AUTHOR_EMAIL=${GIT_AUTHOR_EMAIL:-41898282+github-actions[bot]@users.noreply.github.com}
export GIT_COMMITTER_NAME=${GIT_COMMITTER_NAME:-$GIT_AUTHOR_NAME} GIT_COMMITTER_EMAIL=${GIT_COMMITTER_EMAIL:-$GIT_AUTHOR_EMAIL}
before=$(git rev-parse -q --verify refs/notes/ai)
# The pull request's commits are those its head has and the target branch before the merge had.
"${aitrail[@]}" notes squash "$merged^1..$head" --onto "$merged" >&2
status=$?
[ "$status" = 0 ] || fail "aitrail notes squash failed (exit $status): see the job log" "$status"
after=$(git rev-parse -q --verify refs/notes/ai)
if [ -n "$after" ] && [ "$after" != "$before" ]; then
  # Never refs/notes/ai:refs/notes/ai: git matches a push's destination by its end, so a branch
  # named refs/notes/ai on origin (refs/heads/refs/notes/ai) would take the notes or make the name
  # ambiguous. A pattern refspec maps names whole: through a ref of this job's own, removed after.
  own="refs/aitrail/notes-push/$$"
  git update-ref --no-deref "$own/notes/ai" "$after" '' || fail 'cannot write a temporary ref for the notes push' 3
  git push --quiet --no-verify origin "$own/*:refs/*" >&2
  pushed=$?
  git update-ref --no-deref -d "$own/notes/ai"
  [ "$pushed" = 0 ] || fail 'pushing refs/notes/ai to origin failed (refs/notes/ai moved meanwhile? run the job again)' 3
  printf '### aitrail notes\n\nThe line-level note of `%s` was composed from pull request #%s and pushed to refs/notes/ai.\n' "${merged:0:12}" "$number" >>"${GITHUB_STEP_SUMMARY:-/dev/null}"
fi
exit 0
