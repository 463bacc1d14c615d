#!/usr/bin/env bash
# The GitHub Action's one script (action.yml runs it): fetch the history and the git-ai notes,
# judge the pull request's (or the push's) commits with `aitrail check --format github` by the
# policy of the target branch, and write `aitrail blame --format markdown` to the job summary.
#
# Reads what GitHub sets: GITHUB_EVENT_NAME, GITHUB_EVENT_PATH (the event payload), GITHUB_REF,
# GITHUB_SHA, GITHUB_BASE_REF, GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY, RUNNER_TEMP,
# GITHUB_ACTION_PATH; and the inputs as INPUT_RANGE, INPUT_CONFIG, INPUT_BLAME_PATHS,
# INPUT_BLAME_SINCE, INPUT_FAIL_ON_WARNINGS, INPUT_VERSION, INPUT_SQUASH_NOTES (action.yml passes them through env,
# never into the script text). AITRAIL_ACTION_BIN names an aitrail executable to run instead of
# installing one (tests). Exit: check's code (1 policy violation, 2 usage, 3 git), 1 for
# warnings with fail-on-warnings, then blame's; 0 when all is well.
set -uo pipefail

say() { printf '%s\n' "$*" >&2; }
# A message as a workflow command's data: %, CR and LF escaped as the runner reads them back (a CR
# or LF in it, from an origin URL a reused workspace's config holds, would start a line of its own,
# which the runner runs as a command: `::add-mask::…`, `::stop-commands::…`).
command_data() { local text=${1//%/%25}; text=${text//$'\r'/%0D}; printf '%s' "${text//$'\n'/%0A}"; }
# Text as one Markdown code span for the job summary: inert (no image, link, raw HTML, emphasis,
# table break or @mention is read inside one), line breaks as spaces, its fence longer than any run
# of backticks in the text (a branch name may hold one).
markdown_code() {
  local text=${1//[$'\r\n']/ } fence='`'
  while [[ $text == *"$fence"* ]]; do fence+='`'; done
  if [ ${#fence} -gt 1 ]; then printf '%s %s %s' "$fence" "$text" "$fence"; else printf '`%s`' "$text"; fi
}
fail() {
  printf '::error title=aitrail::%s\n' "$(command_data "$1")"
  printf '### aitrail\n\n:x: %s\n' "$(markdown_code "$1")" >>"${GITHUB_STEP_SUMMARY:-/dev/null}"
  exit "${2:-3}"
}

cd "${GITHUB_WORKSPACE:-.}" || fail "cannot enter the workspace ${GITHUB_WORKSPACE:-}"
git rev-parse --is-inside-work-tree >/dev/null 2>&1 || fail 'no git repository in the workspace: run actions/checkout before aitrail'

# origin must be the repository this workflow runs for (GITHUB_SERVER_URL/GITHUB_REPOSITORY): the
# target branch, the policy and the notes are fetched from it. A checkout of the pull request's
# fork (`repository: ${{ github.event.pull_request.head.repo.full_name }}`, a common
# pull_request_target pattern) makes origin the fork, whose main its author moves: origin/main..head
# was 0 commits, by the fork's policy, a pass. The URL as written, or as git rewrites it when the
# checkout's own config holds a url.<x>.insteadOf for it (a reused workspace keeps one; a machine's
# global rule, a git mirror, is not taken for another repository), compared as host/path
# (credentials, a port, repeated slashes, a trailing / or .git, case aside). Not asked when the workflow names both the
# range and the config itself.
repo_id() {
  local url=$1 authority path port scheme
  # git's remote helper syntax (`<transport>::<address>`, git runs git-remote-<transport>): a program, not a server.
  if [[ $url =~ ^[A-Za-z0-9][A-Za-z0-9+.-]*:: ]]; then printf 'helper|%s' "$url"; return; fi
  case $url in
    # A URL as git reads one (a scheme of letters, digits, + - . before the first colon, then //): anything
    # else with `://` in it (`./x://github.com/o/r`) is a local path. The authority ends at the first /, ?
    # or # (as curl reads it): `https://evil.example#@github.com/o/r` is fetched from evil.example, never
    # read as github.com/o/r.
    *://*) scheme=${url%%:*}
       if [[ ! $scheme =~ ^[A-Za-z0-9][A-Za-z0-9+.-]*$ ]] || [ "${url:${#scheme}:3}" != :// ]; then authority=; path=$url
       else
         url=${url#*://}; authority=${url%%[/?#]*}; path=${url:${#authority}}
         scheme=$(printf '%s' "$scheme" | tr '[:upper:]' '[:lower:]')
         case $scheme in
           # `file://<host>/<path>`: git opens <path> on this machine, whatever the host says.
           file) authority= ;;
           http | https | ssh | git | git+ssh | ssh+git | ftp | ftps) ;;
           *) printf 'helper|%s' "$1"; return ;;
         esac
       fi ;;
    # scp-like with an IPv6 address (`git@[::1]:o/r`, `[::1]:o/r`): git looks for the colon after the bracket.
    \[*\]:* | [!/]*@\[*\]:*) authority=${url%%]:*}]; path=/${url#*]:}
       [ "${authority%%/*}" = "$authority" ] || { authority=; path=$url; } ;;
    *) authority=${url%%:*} # scp-like user@host:owner/repo: a colon with no slash before it
       if [ "$authority" != "$url" ] && [ "${authority%%/*}" = "$authority" ]; then path=/${url#*:}; else authority=; path=$url; fi ;;
  esac
  authority=${authority##*@}
  # A port (`ssh://git@github.com:22/o/r`, `https://host:443/o/r`, `https://[::1]:8443/o/r`) names the same server.
  case $authority in
    \[*\]) ;;
    \[*\]:*) port=${authority##*]:}; case $port in '' | *[!0-9]*) ;; *) authority=${authority%:*} ;; esac ;;
    *:*[!0-9]* | *:) ;;
    *:*) authority=${authority%:*} ;;
  esac
  # Repeated slashes (`git@github.com:/o/r.git`) are one, as the server reads the path.
  while [ "${path#*//}" != "$path" ]; do path=${path%%//*}/${path#*//}; done
  path=${path%/}; path=${path%.git}; path=${path%/}
  # GitHub's SSH over the HTTPS port (`ssh://git@ssh.github.com:443/o/r`) is github.com itself. The host
  # and the path apart (`|`): a local path `github.com/o/r` (no host: a folder under the workspace) is
  # never the server's github.com + /o/r.
  printf '%s|%s' "$authority" "$path" | tr '[:upper:]' '[:lower:]' | sed 's,^ssh\.github\.com|,github.com|,'
}
# Whether the checkout's own config holds a url.<x>.insteadOf that rewrites URL $1: .git/config,
# the files it includes (include.path, includeIf: git reads them as its own, `--local` alone does not)
# and .git/config.worktree (extensions.worktreeConfig), never the global or system files.
local_rewrite() {
  local scope entry value
  while IFS= read -r -d '' scope && IFS= read -r -d '' entry; do
    case $scope in local | worktree) ;; *) continue ;; esac
    value=${entry#*$'\n'}
    [ -n "$value" ] && [ "${1#"$value"}" != "$1" ] && return 0
  done < <(git config -z --show-scope --get-regexp '^url\..*\.insteadof$' 2>/dev/null)
  return 1
}
if [ -n "${GITHUB_REPOSITORY:-}" ] && { [ -z "${INPUT_RANGE:-}" ] || [ -z "${INPUT_CONFIG:-}" ]; }; then
  workflow_repo="${GITHUB_SERVER_URL:-https://github.com}/$GITHUB_REPOSITORY"
  # Every URL origin has (git fetches from the first; `config --get` would show the last).
  raw_urls=$(git config --get-all remote.origin.url) || fail "no remote origin in the workspace: check out $workflow_repo with actions/checkout"
  fetched_urls=$(git remote get-url --all origin 2>/dev/null) || fetched_urls=$raw_urls
  exec 9<<<"$fetched_urls"
  while IFS= read -r origin_url; do
    IFS= read -r fetched_url <&9 || fetched_url=$origin_url
    local_rewrite "$origin_url" && origin_url=$fetched_url
    [ "$(repo_id "$origin_url")" = "$(repo_id "$workflow_repo")" ] ||
      fail "origin is $origin_url, not $workflow_repo, the repository this workflow runs for: the target branch and its policy come from origin, so check it out with actions/checkout without repository: (a pull request's fork is its author's), or name both the range and config inputs" 3
  done <<<"$raw_urls"
  exec 9<&-
fi

# Switches are true or false: any other word (`yes`, `on`, `1`, `True` quoted) was read as false,
# so `fail-on-warnings: yes` let warnings pass.
for switch in fail-on-warnings:"${INPUT_FAIL_ON_WARNINGS:-false}" squash-notes:"${INPUT_SQUASH_NOTES:-false}"; do
  case ${switch#*:} in
    true | false) ;;
    *) fail "the ${switch%%:*} input is '${switch#*:}': write true or false" 2 ;;
  esac
done

# The aitrail to run: never one the checked-out code ships (a pull request can edit package.json):
# the action's own version from the registry, installed outside the workspace.
if [ -n "${AITRAIL_ACTION_BIN:-}" ]; then
  aitrail=("$AITRAIL_ACTION_BIN")
else
  version=${INPUT_VERSION:-}
  [ -n "$version" ] || version=$(node -p 'require(process.argv[1]).version' "${GITHUB_ACTION_PATH:?}/package.json") || fail 'cannot read the action version'
  prefix="${RUNNER_TEMP:-/tmp}/aitrail-action"
  npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "aitrail@$version" >&2 || fail "cannot install aitrail@$version from the npm registry"
  aitrail=("$prefix/node_modules/.bin/aitrail")
fi

# Whether origin has refs/notes/ai itself. git matches a ref name by its end: `ls-remote origin
# refs/notes/ai` also lists a branch named refs/notes/ai (refs/heads/refs/notes/ai), which anyone
# who can push a branch may create, and fetching `refs/notes/ai` takes that branch when origin has
# no notes: its fake notes would then name models and call lines human. The exact name only.
# The same for Qwen Code's own notes (refs/notes/ai-attribution), which check reads as Qwen's: a
# commit whose heredoc message has no Qwen line, made with the hooks off, is named by that note alone.
# One ls-remote for both, asked once.
remote_notes=
remote_has_notes() {
  local ref=${1:-refs/notes/ai}
  [ -n "$remote_notes" ] || remote_notes="$(git ls-remote origin refs/notes/ai refs/notes/ai-attribution 2>/dev/null)"$'\n.' # asked: never empty
  printf '%s\n' "$remote_notes" | awk -F '\t' -v ref="$ref" '$2 == ref { found = 1 } END { exit !found }'
}

# The event: the target branch and the commit to judge up to.
field() { node -e 'let v = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); for (const k of process.argv[2].split(".")) v = v == null ? undefined : v[k]; process.stdout.write(typeof v === "string" ? v : "")' "${GITHUB_EVENT_PATH:-/dev/null}" "$1" 2>/dev/null; }
event=${GITHUB_EVENT_NAME:-}
default_branch=$(field repository.default_branch)
head=${GITHUB_SHA:-HEAD}
base=
before=
case $event in
  pull_request | pull_request_target)
    base=${GITHUB_BASE_REF:-$(field pull_request.base.ref)}
    head=$(field pull_request.head.sha)
    [ -n "$head" ] || head=HEAD^2 ;;
  push)
    if [ -n "$default_branch" ] && [ "${GITHUB_REF:-}" = "refs/heads/$default_branch" ]; then before=$(field before); else base=$default_branch; fi ;;
  merge_group)
    # A merge queue: what the queue's target branch lacks (merge_group.base_ref, written by GitHub),
    # by the default branch's policy as below; a queue into release/1.x is not judged by what main lacks.
    base=$(field merge_group.base_ref)
    case $base in refs/heads/?*) base=${base#refs/heads/} ;; *) base=$default_branch ;; esac ;;
  workflow_run | issue_comment | check_run | check_suite | status)
    # Events about another commit (workflow_run.head_sha, a pull request's head, a check's or a
    # status's sha) whose GITHUB_SHA is the default branch's tip: origin/<default>..<its tip> is
    # 0 commits, a pass that judged nothing. Only with a range the workflow names.
    [ -n "${INPUT_RANGE:-}" ] || fail "a $event event's commit (GITHUB_SHA) is the default branch's tip, not the commits it is about: judge pull requests on pull_request, or set the range input" 2
    base=$default_branch ;;
  *) base=$default_branch ;;
esac
# squash-notes: a merged pull request's note, instead of judging (scripts/action-squash-notes.sh).
if [ "${INPUT_SQUASH_NOTES:-false}" = true ]; then
  # shellcheck source=scripts/action-squash-notes.sh
  . "$(dirname "${BASH_SOURCE[0]}")/action-squash-notes.sh"
fi
[ -n "$base" ] || [ -n "$before" ] || [ -n "${INPUT_RANGE:-}" ] || [ -n "${INPUT_CONFIG:-}" ] || fail "cannot tell the target branch of this $event event: set the range input (and config)" 2

# History and notes: the whole history (a shallow clone cannot be judged), the target branch as
# origin/<base>, refs/notes/ai (git-ai line-level authorship, read by blame and check) and
# refs/notes/ai-attribution (Qwen Code's, read by check) when the remote has them.
say "aitrail: fetching the history${base:+ and origin/$base}"
refspecs=()
[ -n "$base" ] && refspecs+=("+refs/heads/$base:refs/remotes/origin/$base")
# The policy: the default branch's, one per repository, also for a pull request into another
# branch (whose own config anyone who can push that branch chose).
policy_branch=${default_branch:-$base}
[ -n "$policy_branch" ] && [ "$policy_branch" != "$base" ] && refspecs+=("+refs/heads/$policy_branch:refs/remotes/origin/$policy_branch")
if remote_has_notes; then refspecs+=('+refs/notes/ai:refs/notes/ai'); fi
if remote_has_notes refs/notes/ai-attribution; then refspecs+=('+refs/notes/ai-attribution:refs/notes/ai-attribution'); fi
unshallow=()
[ "$(git rev-parse --is-shallow-repository)" = true ] && unshallow=(--unshallow)
if [ ${#refspecs[@]} -gt 0 ] || [ ${#unshallow[@]} -gt 0 ]; then
  git fetch --quiet --no-tags "${unshallow[@]}" origin "${refspecs[@]}" >&2 || fail 'git fetch from origin failed: give the job contents: read permission, and keep actions/checkout'"'"'s credentials (persist-credentials: false leaves a private repository unreadable to later steps)'
fi

# A pull request's head not in the clone (pull_request_target: actions/checkout's default is the base
# branch's tip; pull_request: a checkout given another `ref:`): `check` would stop on an unknown revision,
# "could not judge (exit 3)"; say the fix (row 929), never that pull_request checks out the base (row 934).
case $event in
  pull_request | pull_request_target)
    [ -n "${INPUT_RANGE:-}" ] || git cat-file -e "${head}^{commit}" 2>/dev/null ||
      fail "the pull request's head commit ($head) is not in this clone (actions/checkout checked out another commit: on pull_request_target, by default, the base branch's tip); give actions/checkout ref: \${{ github.event.pull_request.head.sha }} (aitrail only reads its commits, runs none of its code)" 2 ;;
esac

# What is judged, and by which policy (one policy per repository, the default branch's; never the pull request's own).
range=${INPUT_RANGE:-}
# An input read as an option (`--help`, `-h`, `--version`) printed it and passed, judging nothing (row 1002):
# a revision never starts with '-'; the config joined to its option (`--config=<file>`) is never one.
case $range in -*) fail "the range input ($range) starts with '-': name the commits (A..B), not an option" 2 ;; esac
policy=()
if [ -n "${INPUT_CONFIG:-}" ]; then
  policy=("--config=$INPUT_CONFIG")
elif [ -n "$base" ]; then
  policy=(--policy-from "refs/remotes/origin/$policy_branch")
fi
if [ -z "$range" ]; then
  if [ -n "$before" ]; then
    # A push to the default branch: judged by the policy it had before this push.
    git cat-file -e "${before}^{commit}" 2>/dev/null || fail "the commit before this push ($before) is unknown (first or force push): run aitrail check on the range by hand" 1
    range="$before..$head"
  else
    range="refs/remotes/origin/$base..$head"
  fi
fi

summary=${GITHUB_STEP_SUMMARY:-/dev/null}
out="${RUNNER_TEMP:-/tmp}/aitrail-check.$$"
"${aitrail[@]}" check "$range" "${policy[@]}" --format github | tee "$out"
status=${PIPESTATUS[0]}
result=$(grep -E '^aitrail: [0-9]+ commits? checked' "$out" | tail -n 1)
rm -f "$out"
warnings=$(printf '%s' "$result" | sed -n 's/.* \([0-9][0-9]*\) warnings*\.$/\1/p')
if [ "$status" = 0 ] && [ "${INPUT_FAIL_ON_WARNINGS:-false}" = true ] && [ "${warnings:-0}" -gt 0 ]; then
  printf '::error title=aitrail::%s warning(s) and fail-on-warnings is set\n' "$warnings"
  status=1
fi
case $status in
  0) mark=':white_check_mark:' ;;
  1) mark=':x:' ;;
  *) mark=':warning:'; result="aitrail check could not judge the commits (exit $status): see the job log" ;;
esac
{
  printf '### aitrail check\n\n%s %s: %s\n\n' "$mark" "$(markdown_code "$range")" "${result#aitrail: }"
} >>"$summary"

# The report: AI-authored lines (since the target branch for a pull request) at the judged commit.
since=()
case ${INPUT_BLAME_SINCE-base} in
  '') ;;
  base) [ -n "$base" ] && since=(--since "refs/remotes/origin/$base") ;;
  *) since=("--since=$INPUT_BLAME_SINCE") ;;
esac
paths=()
while IFS= read -r path; do [ -n "$path" ] && paths+=("$path"); done <<<"${INPUT_BLAME_PATHS:-}"
# The report reads the config check judged by (its blame.exclude, detect rules and aliases), never
# the one the pull request brings: its own `blame.exclude: ["src/**"]` would empty the summary.
blame_config=()
if [ -n "${INPUT_CONFIG:-}" ]; then
  blame_config=("--config=$INPUT_CONFIG")
elif [ ${#policy[@]} -gt 0 ]; then
  blame_config=(--config-from "${policy[1]}")
elif [ -n "$before" ] && git cat-file -e "${before}^{commit}" 2>/dev/null; then
  blame_config=(--config-from "$before")
fi
"${aitrail[@]}" blame --rev "$head" "${since[@]}" "${blame_config[@]}" --format markdown -- "${paths[@]}" >>"$summary"
blame_status=$?
if [ "$blame_status" != 0 ]; then
  printf '::warning title=aitrail::aitrail blame failed (exit %s): see the job log\n' "$blame_status"
  [ "$status" = 0 ] && status=$blame_status
fi
exit "$status"
