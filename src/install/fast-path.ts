import { SEARCH_PLACES } from '../config/search-places.js';
import { AI_AUTHOR, CHECKPOINT_DIR, CHECKPOINT_SUFFIX, REBASE_FIXUPS } from '../core/checkpoint/store-layout.js';
import { FAST_PATH_DIR, FAST_PATH_VERSION_FILE, messageKeys, QUIET_STATE_ENTRIES, stampHeader } from '../core/fast-path-layout.js';
import { envNames, identityTexts, messageTexts, modelAuthorTexts } from './fast-path-signals.js';
import { notesMayExistLines, revertRestoresNoNoteFunction } from './notes-may-exist.js';
import { shQuote } from '../core/sh-quote.js';

/**
 * `ch` as a case pattern (sh) matches it: a backslash only before a character the shell or the
 * pattern reads otherwise. `@ . - / : + _ , =` outside a bracket are ordinary in a case pattern
 * (dash, bash as sh, busybox ash) and every shim parses each byte of its patterns and dash's
 * matcher steps over each backslash in them at every place of the text (row 843).
 */
function globChar(ch: string): string {
  return /[A-Za-z0-9@./:+_,=-]/.test(ch) ? ch : `\\${ch}`;
}

/** A case pattern (sh) matching any text that holds `text`, without case. */
function globWithin(text: string): string {
  const body = [...text].map((ch) => (/[a-z]/i.test(ch) ? `[${ch.toLowerCase()}${ch.toUpperCase()}]` : globChar(ch))).join('');
  return `*${body}*`;
}

/**
 * A case pattern (sh) for a trailer key written as words, as the readers take it (`Assisted_by:`,
 * `AI  model:`, `Co authored by:`: each hyphen a run of spaces or underscores), then a colon: each
 * hyphen of `key` is `-`, `_` or a space and then anything. A superset only costs a node start.
 */
function globWorded(key: string): string {
  return `${globWithin(key).slice(0, -1).replace(/-/g, '[-_\\ ]*')}:*`;
}

/** A case pattern (sh) for an entry name; a trailing `*` matches any end. */
function entryPattern(name: string): string {
  const literal = (text: string) => [...text].map(globChar).join('');
  return name.endsWith('*') ? `${literal(name.slice(0, -1))}*` : literal(name);
}

/**
 * sh lines (in a function: `return 1` on a doubt): this very aitrail version last validated these
 * very config bytes (the stamp node leaves in `<git dir>/aitrail/fast-path`, whose version file
 * names this version, whose signatures the shim's own texts are). Read `aitrail_g`, set `aitrail_s`; run at the work tree top (git
 * runs hooks there).
 */
function stampedLines(version: string): string[] {
  const stamp = `$aitrail_s/${FAST_PATH_VERSION_FILE}`;
  return [
    `  aitrail_s=$aitrail_g/aitrail/${FAST_PATH_DIR}`,
    `  [ -f "${stamp}" ] && { read -r aitrail_v && read -r aitrail_p; } 2>/dev/null <"${stamp}" || return 1`,
    `  [ "$aitrail_v" = ${shQuote(stampHeader(version))} ] && [ -d "$aitrail_p" ] && [ "${stamp}" -nt "$aitrail_p" ] 2>/dev/null || return 1`,
    `  for aitrail_f in ${SEARCH_PLACES.join(' ')}; do`,
    '    if [ -e "$aitrail_f" ] || [ -L "$aitrail_f" ]; then',
    '      [ -f "$aitrail_f" ] && [ ! -L "$aitrail_f" ] && [ -f "$aitrail_s/$aitrail_f" ] || return 1',
    // package.json holds a project's npm data too (kilobytes: dash's read takes one byte per
    // system call, ~2 ms of CPU per shim for 5 KB): one cmp process, byte for byte, NUL bytes included.
    '      if [ "$aitrail_f" = package.json ]; then aitrail_cmp "$aitrail_f" "$aitrail_s/$aitrail_f" || return 1; else aitrail_same "$aitrail_f" "$aitrail_s/$aitrail_f" || return 1; fi',
    '    elif [ -e "$aitrail_s/$aitrail_f" ]; then',
    '      return 1',
    '    fi',
    '  done',
  ];
}

/**
 * sh function `aitrail_same`: the two files hold the same bytes, read by the shell itself, line
 * by line from both at once (a `cmp` cost each message hook a process); past COMPARE_BYTES, `cmp`
 * (stampedLines sends package.json to `cmp` straight away).
 * The shell's `read` drops NUL bytes: a config of at most COMPARE_BYTES that differs from its
 * stamped copy only by NUL bytes reads the same here (a larger one, and package.json, go to cmp,
 * which sees them). Such a config is invalid (node refuses every commit until it is fixed);
 * a person's commit, with nothing to record or refuse, then goes through (a commit with any AI
 * signal, pre-push and CI still load it and say why it is invalid).
 */
export function sameFunction(): string[] {
  return [
    '# Two files byte for byte the same (NUL bytes aside), without a process for the usual small config (src/install/fast-path.ts sameFunction).',
    'aitrail_same() {',
    '  [ -r "$1" ] && [ -r "$2" ] || return 1',
    '  aitrail_q=0',
    '  {',
    '    while :; do',
    '      IFS= read -r aitrail_a <&3',
    '      aitrail_ra=$?',
    '      IFS= read -r aitrail_z <&4',
    '      [ $? = "$aitrail_ra" ] && [ "$aitrail_a" = "$aitrail_z" ] || return 1',
    '      [ "$aitrail_ra" = 0 ] || return 0',
    '      aitrail_q=$((aitrail_q + ${#aitrail_a} + 1))',
    `      [ "$aitrail_q" -le ${COMPARE_BYTES} ] || break`,
    '    done',
    '  } 3<"$1" 4<"$2"',
    '  aitrail_cmp "$1" "$2"',
    '}',
    // PATH's first cmp, only when it lies outside the work tree (661): husky's hooks put the relative
    // node_modules/.bin first (a dependency's `cmp` bin, a `file:` package the repository commits), `.` or an
    // empty entry names the top, where git runs hooks. A relative entry is passed over; a first cmp in the
    // work tree (an ancestor that is the top, `-ef`, as shipped) is never run: node judges (return 1).
    // Found once per hook by the shell (stats, no process); run by its absolute path. Never an aitrail_cp the
    // hook inherited (an agent loads a committed .env into its environment): taken as found, it ran (669).
    'unset aitrail_cp',
    'aitrail_cmp() {',
    '  if [ -z "${aitrail_cp+x}" ]; then',
    '    aitrail_cp=',
    '    aitrail_co=$IFS',
    '    IFS=:',
    '    set -f',
    '    for aitrail_cd in $PATH; do',
    '      case $aitrail_cd in /*) ;; *) continue ;; esac',
    '      [ -f "$aitrail_cd/cmp" ] && [ -x "$aitrail_cd/cmp" ] || continue',
    '      aitrail_q=$aitrail_cd',
    '      while [ -n "$aitrail_q" ] && [ ! "$aitrail_q" -ef . ]; do aitrail_q=${aitrail_q%/*}; done',
    '      [ -z "$aitrail_q" ] && aitrail_cp=$aitrail_cd/cmp',
    '      break',
    '    done',
    '    IFS=$aitrail_co',
    '    set +f',
    '  fi',
    '  [ -n "$aitrail_cp" ] && "$aitrail_cp" -s "$1" "$2"',
    '}',
  ];
}

/** The most git config the shell reads itself for aitrail_hash; more goes to grep. */
const CONFIG_BYTES = 16384;

/**
 * The most bytes the shell compares itself before it hands the two files to cmp: dash's `read`
 * costs two system calls per byte (one per file), so past about this many bytes one cmp process
 * costs less (measured in session 43: 1 KB read ~0.8 ms of CPU, one cmp ~0.4-0.65 ms).
 */
const COMPARE_BYTES = 1024;

/**
 * The case patterns (sh) of every text one of which an identity signature needs (`texts`), and of an
 * author name node may read as a model's own (modelNamedAuthor, `named`): a model author text and a
 * digit, either first, before the ` <` of the address (`Qwen3-Coder <…>`, `Claude Opus 4.5 <…>`); a
 * person's name with neither (`Gemini Smith`, `Sonnet`) still skips node. `named` is empty when every
 * author text lies within one of `texts`.
 */
function identityPatterns(others: readonly string[] = []): { texts: string; named: string } {
  const texts = outermost([...identityTexts(), ...others]);
  const named = modelAuthorTexts()
    .filter((text) => !texts.some((other) => asciiLower(text).includes(other)))
    .flatMap((text) => {
      const word = globWithin(text).slice(1, -1);
      return [`*${word}*[0-9]*\\<*`, `*[0-9]*${word}*\\<*`];
    });
  return { texts: texts.map(globWithin).join('|'), named: named.join('|') };
}

/**
 * A `case` (sh, one line) of `subject` that runs `match` when it holds a byte `outside` names, one of
 * identityPatterns' texts or one of its `named` author patterns, else `otherwise`. Each `named`
 * alternative (`*word*[0-9]*\<*`, `*[0-9]*word*\<*`) needs a digit before a `<`: they are tried only
 * for a subject with one (`*[0-9]*\<*`), in a second `case`, the same decision. dash tries a pattern
 * of several `*` in time growing with the square of the text, each of its ~60 alternatives on every
 * hook that reaches it: for a person's name and address, or message, with no digit, they cost each
 * message hook's author test, and post-rewrite's aitrail_plain after an amend most (~3 million
 * instructions for two short commits, ~1 ms).
 */
function identityCase(subject: string, outside: string, others: readonly string[], match: string, otherwise: string, deferred = false): string {
  const { texts, named } = identityPatterns(others);
  const rest = otherwise === '' ? '' : ` *) ${otherwise} ;;`;
  const second = named === '' ? '' : deferred ? ` *[0-9]*\\<*) aitrail_dn=1 ;;` : ` *[0-9]*\\<*) case ${subject} in ${named}) ${match} ;;${rest} esac ;;`;
  return `case ${subject} in ${outside}|${texts}) ${match} ;;${second}${rest} esac`;
}

/**
 * The top-level line after the fast path's `if` (endQuietly) that ends the hook when aitrail_quiet
 * deferred its author's second test (`aitrail_dn`: a digit before the `<`) and the author names no
 * model after all (identityCase's `named` patterns, ~2 KB). dash and bash parse a top-level command
 * only when they reach it: a person's commit (no digit in the name or address) ends before, and no
 * longer parses them in aitrail_quiet's body; the same decision (row 844).
 */
function deferredAuthorLine(): string[] {
  const { named } = identityPatterns();
  return named === '' ? [] : [`[ -z "$aitrail_dq" ] || case "$aitrail_i" in ${named}) ;; *) exit 0 ;; esac`];
}

/** `text` with its ASCII letters in lower case: globWithin matches those without case, every other character as it is. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
}

/**
 * The texts no other one is within (asciiLower), sorted: in a case pattern of `*text*` alternatives
 * (globWithin) a text holding another matches nothing more (`*claude[bot]*`, `*claude*`), but dash
 * tries each alternative on each hook that reaches it (each a scan of the text), so the same
 * decisions cost less without it.
 */
function outermost(texts: readonly string[]): string[] {
  const lower = [...new Set(texts.map(asciiLower))];
  return lower.filter((text) => !lower.some((other) => other !== text && text.includes(other))).sort();
}

/**
 * `if <condition>; then exit 0; fi` with LC_ALL=C (byte ranges in `case`, bash included; grep and
 * cmp byte for byte) around the condition only: the caller's LC_ALL is given back before anything
 * else runs. `deferred` (aitrail_quiet's condition): then deferredAuthorLine, under the same LC_ALL=C.
 */
function endQuietly(condition: string, deferred = false, amendSource?: string): string[] {
  const call = deferred
    ? amendSource !== undefined
      ? ['aitrail_dn=', 'aitrail_dq=', `if ${condition}; then [ -n "$aitrail_dn" ] || [ "\${2-}:\${3-}" = commit:HEAD ] || exit 0; aitrail_dq=1; fi`, ...amendSourceLines(amendSource), ...deferredAuthorLine()]
      : ['aitrail_dn=', 'aitrail_dq=', `if ${condition}; then [ -n "$aitrail_dn" ] || exit 0; aitrail_dq=1; fi`, ...deferredAuthorLine()]
    : [`if ${condition}; then exit 0; fi`];
  return ['aitrail_l=${LC_ALL+x}${LC_ALL-}', 'LC_ALL=C; export LC_ALL', ...call, 'case $aitrail_l in x*) LC_ALL=${aitrail_l#x} ;; *) unset LC_ALL ;; esac'];
}

/**
 * The sh function of the message hooks' fast path (fastPathLines), `aitrail_quiet`, and its
 * comment; defined before the gates that call it.
 */
export function fastPathFunctions(version: string): string[] {
  const env = envNames().map((name) => `\${${name}+x}`).join('');
  const quiet = QUIET_STATE_ENTRIES.map(entryPattern).join('|');
  // The checkpoints folder is quiet while it holds no checkpoint (the names the post-commit gate and node read).
  const checkpoints = entryPattern(CHECKPOINT_DIR.slice(CHECKPOINT_DIR.lastIndexOf('/') + 1));
  return [
    ...commentCharFunction(),
    '# Fast path (generated from src/core/data/signatures.json by src/install/fast-path.ts): a commit with',
    '# no AI signal at all has nothing to record or refuse, so node is not started. Skipped only when no',
    '# agent variable is set; the author (`git var` when git exports none) and the message hold no',
    '# text a signature needs, nor any byte outside printable ASCII (detection reads NFKC; the texts',
    '# are generated with this very shim from this version\'s signatures); <git dir>/aitrail holds no',
    '# session, template marker or pending checkpoint; and this very aitrail version last validated',
    '# these very config bytes (a config with detect.rules or another trailer key is never stamped).',
    '# Any doubt starts node.',
    // A function, not a subshell (a fork per hook): its variables are prefixed, its early ends are
    // `return 1`, and LC_ALL=C is set around the call (endQuietly).
    ...mergeIdentFunction(version),
    ...revertRestoresNoNoteFunction(),
    'aitrail_quiet() {',
    `  [ -z "${env}" ] || return 1`,
    '  aitrail_m=$1',
    '  [ -f "$aitrail_m" ] || return 1',
    '  aitrail_g=${GIT_DIR:-${aitrail_m%/*}}',
    // git am's message file is <git dir>/rebase-apply/final-commit (applypatch-msg).
    '  case $aitrail_m in */rebase-apply/final-commit) aitrail_g=${GIT_DIR:-${aitrail_m%/rebase-apply/final-commit}} ;; esac',
    '  [ "$aitrail_g" != "$aitrail_m" ] && [ -f "$aitrail_g/HEAD" ] || return 1',
    '  [ -d "$aitrail_g/objects" ] || [ -f "$aitrail_g/commondir" ] || return 1',
    // A cherry-pick (a `-n -x` one too: MERGE_MSG with git's `-x` line, no MERGE_HEAD), a revert (MERGE_MSG with git's `This reverts commit`: row 1015) or a `git merge --squash` being committed:
    // node keeps the picked or squashed commits for post-commit to carry their notes (PICK_SOURCE, SQUASH_SOURCE), when a git-ai note may exist at all.
    '  if [ -e "$aitrail_g/CHERRY_PICK_HEAD" ] || [ -e "$aitrail_g/SQUASH_MSG" ] || { [ -f "$aitrail_g/MERGE_MSG" ] && [ ! -e "$aitrail_g/MERGE_HEAD" ] && aitrail_safe && grep -q -e \'^(cherry picked from commit \' -e \'^This reverts commit [0-9a-f]\' "$aitrail_g/MERGE_MSG" </dev/null 2>/dev/null; }; then',
    ...notesMayExistLines('    '),
    // A revert none of whose named commits has a noted parent: node would keep nothing (aitrail_jr, 1034).
    '    [ -n "$aitrail_n" ] && ! aitrail_jr && return 1',
    '  fi',
    '  for aitrail_f in "$aitrail_g"/aitrail/*; do',
    `    case \${aitrail_f##*/} in ${quiet}) ;; ${checkpoints}) for aitrail_x in "$aitrail_f"/*${CHECKPOINT_SUFFIX} "$aitrail_f"/.*${CHECKPOINT_SUFFIX} "$aitrail_f"/${CHECKPOINT_SUFFIX}; do if [ -e "$aitrail_x" ] || [ -L "$aitrail_x" ]; then return 1; fi; done ;; *) if [ -e "$aitrail_f" ] || [ -L "$aitrail_f" ]; then return 1; fi ;; esac`,
    '  done',
    ...stampedLines(version),
    // The author as node reads it (src/hooks/commit-time-signals.ts, authorIdentFromEnv): git exports
    // both variables to `git commit`'s hooks, stripped; a merge, a revert or a cherry-pick exports
    // none, and node asks `git var` when the person's environment does not set both (so does this,
    // last: one git process where node would have started). git drops `<` and `>` inside a name or
    // address (the text between may then read as an agent's): node starts.
    '  if [ -n "${GIT_AUTHOR_NAME+x}" ] && [ -n "${GIT_AUTHOR_EMAIL+x}" ]; then',
    '    case $GIT_AUTHOR_NAME$GIT_AUTHOR_EMAIL in *[\\<\\>]*) return 1 ;; esac',
    '    aitrail_i="$GIT_AUTHOR_NAME <$GIT_AUTHOR_EMAIL>"',
    '  else',
    '    aitrail_safe',
    '    aitrail_ident || return 1',
    '  fi',
    // A digit before the `<` (a model's name, `Claude Opus 4.5 <…>`): its second test waits for endQuietly's next line (deferredAuthorLine).
    `  ${identityCase('"$aitrail_i"', '*[!\\ -~]*', [], 'return 1', '', true)}`,
    // The message, read by the shell itself (a grep cost each message hook one more process):
    // quiet when no line holds a text a message signature or a trailer key needs, nor a byte
    // outside printable ASCII (detection reads NFKC, where such characters can become letters; a
    // tab or CR too). Node reads the message without its comment lines when core.commentChar is
    // surely `#` (src/hooks/comment-char.ts, src/core/detect/commit-time.ts): so does this, asking
    // aitrail_hash on the first comment line that would start node (git's template and status
    // lines hold tabs: without it every commit made in an editor started node twice). Past
    // MESSAGE_BYTES (the shell reads a byte a system call) node starts.
    '  [ -r "$aitrail_m" ] || return 1',
    '  aitrail_h=',
    '  aitrail_j=',
    '  aitrail_cm=',
    '  aitrail_b=0',
    '  while IFS= read -r aitrail_y || [ -n "$aitrail_y" ]; do',
    '    aitrail_b=$((aitrail_b + ${#aitrail_y} + 1))',
    `    [ "$aitrail_b" -le ${MESSAGE_BYTES} ] || return 1`,
    // git's first hint on its comment lines says whether it strips them (`--cleanup=whitespace`: kept), read here rather than by a process.
    `    case $aitrail_y in "#"*"'#' will be "*) if [ -z "$aitrail_j" ]; then case $aitrail_y in *"'#' will be kept"*) aitrail_j=0 ;; *"'#' will be ignored"*) aitrail_j=1 ;; esac; fi ;; esac`,
    // A key written as words is looked for only in a line with a colon (git's template has few).
    `    case $aitrail_y in *[!\\ -~]*|${messagePattern()}) ;; *:*) case $aitrail_y in ${wordedKeyPattern()}) ;; *) continue ;; esac ;; *) continue ;; esac`,
    "    case $aitrail_y in '#'*) ;; *) return 1 ;; esac",
    '    if [ -z "$aitrail_h" ]; then if aitrail_hash; then aitrail_h=1; else aitrail_h=0; fi; fi',
    '    [ "$aitrail_h" = 1 ] || return 1',
    // A comment line is one only where git strips them (node: stripsComments in src/hooks/comment-char.ts):
    // git opened an editor (with -m/-F, GIT_EDITOR=:, it stores them and check reads them) and the
    // first of its hints does not say they are kept (`--cleanup=whitespace`); commit.cleanup is a doubt (aitrail_hash).
    '    [ "${GIT_EDITOR-}" != : ] || return 1',
    // Decided when the whole message is read: the hint may come after this line (a `#` line given with -m).
    '    aitrail_cm=1',
    '  done <"$aitrail_m"',
    '  [ -z "$aitrail_cm" ] || [ "${aitrail_j:-1}" != 0 ]',
    '}',
  ];
}

/** The largest message the shell reads itself (a byte a system call: ~20 ms here); a longer one starts node. */
const MESSAGE_BYTES = 16384;

/** The case pattern (sh) of every text one of which a message signature or trailer key needs (src/core/data/fast-path-texts.generated.json). */
function messagePattern(): string {
  return outermost(messageTexts()).map(globWithin).join('|');
}

/** The case pattern (sh) of every hyphenated trailer key written as words, then a colon (globWorded). */
function wordedKeyPattern(): string {
  return messageKeys().filter((key) => key.includes('-')).map(globWorded).join('|');
}

/**
 * sh function `aitrail_hash`: true when core.commentChar is surely `#`, as node's surelyDefault
 * (src/hooks/comment-char.ts) decides it, and no commit.cleanup may keep the comment lines
 * (node's stripsComments): no `git -c` or GIT_CONFIG_* setting that could set them,
 * and no config file git reads (the common git dir's, the worktree's, the global ones, the
 * system's) that mentions commentChar, commentString, cleanup or include (the shell reads them; a NUL byte,
 * which it drops, can only make it find a word node would not: a doubt). A file there that cannot
 * be read (a folder, a pipe) is a doubt. Reads `aitrail_g`.
 */
function commentCharFunction(): string[] {
  return [
    '# core.commentChar surely `#` (node: surelyDefault in src/hooks/comment-char.ts): the message is then read without its comment lines.',
    'aitrail_hash() {',
    ...configLacksLines(['commentchar', 'commentstring', 'include', 'cleanup'], 'aitrail_g'),
    '}',
  ];
}

/**
 * The body of an sh function that returns 0 only when no git config could set a key holding one of
 * `words` (lower case; `include` among them, so that no file is left unread): no GIT_CONFIG_COUNT
 * or GIT_CONFIG setting, no `git -c` one (GIT_CONFIG_PARAMETERS) that mentions a word, and no config
 * file git reads (the common git dir's, the worktree's, the global ones, the system's) that does.
 * A file there that cannot be read (a folder, a pipe) is a doubt: it returns 1. `gitDir` names the
 * variable holding the git dir. Uses aitrail_e, aitrail_n, aitrail_q, aitrail_a and "$@".
 */
export function configLacksLines(words: readonly string[], gitDir: string): string[] {
  const globs = words.map(globWithin).join('|');
  return [
    '  [ -z "${GIT_CONFIG_COUNT+x}${GIT_CONFIG+x}" ] || return 1',
    `  case \${GIT_CONFIG_PARAMETERS-} in ${globs}) return 1 ;; esac`,
    '  [ -n "${HOME-}" ] || return 1',
    `  aitrail_e=$${gitDir}`,
    `  if [ -f "$${gitDir}/commondir" ]; then`,
    `    read -r aitrail_e <"$${gitDir}/commondir" || return 1`,
    `    case $aitrail_e in /*) ;; *) aitrail_e=$${gitDir}/$aitrail_e ;; esac`,
    '  fi',
    `  set -- "$aitrail_e/config" "$${gitDir}/config.worktree"`,
    '  if [ -n "${GIT_CONFIG_GLOBAL+x}" ]; then set -- "$@" "$GIT_CONFIG_GLOBAL"; else set -- "$@" "${XDG_CONFIG_HOME:-$HOME/.config}/git/config" "$HOME/.gitconfig"; fi',
    '  [ -n "${GIT_CONFIG_NOSYSTEM-}" ] || set -- "$@" "${GIT_CONFIG_SYSTEM-/etc/gitconfig}"',
    '  aitrail_n=$#',
    '  while [ "$aitrail_n" -gt 0 ]; do',
    '    aitrail_e=$1',
    '    shift',
    '    aitrail_n=$((aitrail_n - 1))',
    '    if [ -e "$aitrail_e" ]; then',
    // Read as node reads it: any readable file that is no folder (GIT_CONFIG_GLOBAL=/dev/null too); a pipe is a doubt.
    '      [ ! -d "$aitrail_e" ] && [ ! -p "$aitrail_e" ] && [ -r "$aitrail_e" ] || return 1',
    '      set -- "$@" "$aitrail_e"',
    '    fi',
    '  done',
    // Read by the shell itself (a config file is small); past CONFIG_BYTES in all, one grep of them.
    '  aitrail_q=0',
    '  for aitrail_e in "$@"; do',
    '    while IFS= read -r aitrail_a || [ -n "$aitrail_a" ]; do',
    `      case $aitrail_a in ${globs}) return 1 ;; esac`,
    '      aitrail_q=$((aitrail_q + ${#aitrail_a} + 1))',
    `      [ "$aitrail_q" -le ${CONFIG_BYTES} ] && continue`,
    '      aitrail_safe',
    `      grep -q -i ${words.map((word) => `-e ${word}`).join(' ')} -- "$@" </dev/null 2>/dev/null`,
    '      [ $? = 1 ]',
    '      return',
    '    done <"$aitrail_e"',
    '  done',
    '  return 0',
  ];
}

/**
 * sh function `aitrail_fresh`, for the message hooks (node: src/hooks/amended-attributions.ts):
 * true when the commit being made is surely no amend of a commit node found a model in. An amend
 * keeps the author of the commit it replaces, date included, and node then records that commit's
 * models; node remembers the authors it was given for the last commits it found a model in (AI_AUTHOR),
 * so an author (name, email and date) equal to that one starts node. No process: a clock (`date`)
 * on every person's commit cost more than the rest of the shim's checks. A commit node never saw
 * (fetched, or replayed by a rebase) is not remembered: its amend goes the fast path. Dates the
 * environment fixes (GIT_COMMITTER_DATE set) make node carry nothing either. Reads `aitrail_g`
 * (aitrail_quiet sets it).
 */
export function freshFunction(): string[] {
  return [
    "# The commit is no amend of a commit node found a model in (an amend keeps that commit's author and date: node records its models).",
    'aitrail_fresh() {',
    '  [ -z "${GIT_COMMITTER_DATE+x}" ] && [ -n "${GIT_AUTHOR_DATE+x}" ] || return 0',
    `  [ -e "$aitrail_g/${AI_AUTHOR}" ] || [ -L "$aitrail_g/${AI_AUTHOR}" ] || return 0`,
    `  [ -f "$aitrail_g/${AI_AUTHOR}" ] && [ -r "$aitrail_g/${AI_AUTHOR}" ] || return 1`,
    '  while IFS= read -r aitrail_an && IFS= read -r aitrail_ae && IFS= read -r aitrail_ad; do',
    '    [ "$aitrail_ad" = "$GIT_AUTHOR_DATE" ] && [ "$aitrail_an" = "${GIT_AUTHOR_NAME-}" ] && [ "$aitrail_ae" = "${GIT_AUTHOR_EMAIL-}" ] && return 1',
    `  done <"$aitrail_g/${AI_AUTHOR}"`,
    '  return 0',
    '}',
  ];
}

/**
 * sh function `aitrail_prepared <message file> <source>`, for prepare-commit-msg (node:
 * src/hooks/prepared-attributions.ts): true when a commit made with `-m`/`-F` (source `message`)
 * replaces no message git prepared that may name a model: MERGE_MSG (a cherry-pick's or revert's,
 * no MERGE_HEAD) and SQUASH_MSG, each read as aitrail_quiet reads a message. A plain cherry-pick or
 * revert hands the hook that very message (quiet for it too). Called after aitrail_quiet.
 */
export function preparedFunction(): string[] {
  return [
    "# No message git prepared (a cherry-pick -n's, a squash merge's) that -m replaces may name a model.",
    'aitrail_prepared() {',
    '  [ "${2-}" = message ] || return 0',
    '  aitrail_w=$aitrail_g',
    // aitrail_quiet sets the other names (aitrail_g to the same git dir).
    '  for aitrail_u in MERGE_MSG SQUASH_MSG; do',
    '    { [ -e "$aitrail_w/$aitrail_u" ] || [ -L "$aitrail_w/$aitrail_u" ]; } || continue',
    '    [ "$aitrail_u" = MERGE_MSG ] && [ -e "$aitrail_w/MERGE_HEAD" ] && continue',
    '    aitrail_quiet "$aitrail_w/$aitrail_u" || return 1',
    '  done',
    '}',
  ];
}

/**
 * Ends the hook when `aitrail_quiet` finds no AI signal, unless `aitrail_fresh` (freshFunction) finds
 * an amend that keeps another commit's models (prepare-commit-msg records them over `-m`; commit-msg
 * carries them back into a message the editor left without them); `prepare` (prepare-commit-msg):
 * unless a rebase's fold step already decided that node must run (`aitrail_fold`, set by the replay
 * gate before it), or `aitrail_prepared` (preparedFunction) finds a prepared message that `-m` replaces.
 */
export function fastPathCall(prepare = false, unless?: string, amendSource?: string): string[] {
  const quiet = `${unless === undefined ? '' : `${unless} && `}aitrail_quiet "$1" && aitrail_fresh`;
  return endQuietly(prepare ? `[ -z "$aitrail_fold" ] && ${quiet} && aitrail_prepared "$1" "\${2-}"` : quiet, true, amendSource);
}

/**
 * The sh lines that let a commit with no AI signal at all through without starting node, for the
 * hooks git gives the message file as `$1` (prepare-commit-msg, commit-msg); the same lines in the
 * git shims and in the husky block. Conservative: each check is a superset of what commit-time
 * detection reads, and a "maybe" only costs a node start. `version`: the aitrail these lines are
 * generated from; the stamp node leaves must name the same one (its signatures are these).
 */
export function fastPathLines(version: string, unless?: string): string[] {
  return [...sameFunction(), ...freshFunction(), ...fastPathFunctions(version), ...fastPathCall(false, unless)];
}

/**
 * sh function `aitrail_plain <revision>...`: true when none of those commits holds a text a message
 * or identity signature needs (their authors and messages, as node reads them: no mailmap), nor a
 * byte outside printable ASCII but the newline (detection reads NFKC), in one `git log`; a revision
 * git cannot read is a doubt. The texts are this version's signature texts (generated with the
 * shim; the caller validated the stamp naming this very version), looked for by the shell itself
 * under LC_ALL=C (bytes, as `grep -i -F` read them there): a `grep -f` of them cost every person's
 * amend two more processes, and in a UTF-8 locale a regular expression compiled
 * from ~250 patterns. Past PLAIN_BYTES of text, a doubt (node decides).
 */
export function plainCommitsFunction(): string[] {
  return [
    '# The commits named hold no author or message text a signature needs, nor a byte outside printable ASCII but the newline (node would find no model in them).',
    'aitrail_plain() {',
    '  aitrail_safe',
    "  aitrail_t=$(git log --no-walk=unsorted --no-color --no-mailmap --no-show-signature --encoding=UTF-8 --format='%an <%ae>%n%B' \"$@\" --) || return 1",
    `  [ "\${#aitrail_t}" -le ${PLAIN_BYTES} ] || return 1`,
    // The newline, for the bracket below (the spaces an indented copy of these lines adds to it are printable: no change).
    "  aitrail_nl='",
    "'",
    '  aitrail_lc=${LC_ALL+x}${LC_ALL-}',
    '  LC_ALL=C',
    `  ${plainTextCase()}`,
    '  case $aitrail_lc in x*) LC_ALL=${aitrail_lc#x} ;; *) unset LC_ALL ;; esac',
    '  [ -z "$aitrail_t" ]',
    '}',
  ];
}

/**
 * The sh case of aitrail_plain over `$aitrail_t` (an author, a newline, a message; `$aitrail_nl` a
 * newline, under LC_ALL=C): empties it when it holds no text a message or identity signature needs,
 * nor a byte outside printable ASCII but the newline; sets it to 1 otherwise.
 */
function plainTextCase(): string {
  return identityCase('"$aitrail_t"', '*[!\\ -~$aitrail_nl]*', messageTexts(), 'aitrail_t=1', 'aitrail_t=');
}

/**
 * In the stamp's folder: the version that read it, the commit a person's `git commit --amend --no-edit`
 * amended, read plain by its prepare-commit-msg (amendSourceLines), and the id of the git process
 * that ran that hook: post-rewrite (aitrail_amended) takes it only from the same git process (its
 * $PPID), so a keep outlives no amend that git aborted after prepare-commit-msg (row 967: the
 * judged file was not the commit's whole message, or HEAD moved before the hook) to answer for a
 * later rewrite of that commit.
 */
export const AMEND_SOURCE_FILE = 'amend-source';

/**
 * The top-level lines after prepare-commit-msg's fast path (endQuietly) that end a quiet
 * `git commit --amend` whose message file git filled from HEAD (`$2 $3` = `commit HEAD`: no -m nor
 * -F), having kept HEAD's id for post-rewrite (aitrail_amended) when HEAD is plain as aitrail_plain
 * reads it, without its git process: the file holds HEAD's whole message (leading blank lines aside;
 * git's comment lines and a sign-off only add text) and git exported HEAD's author, unless
 * `--author` or `--reset-author` (abbreviated to `--au`, `--res` at least) stands in the command line
 * of the git process that runs this hook (its parent, /proc/<pid>/cmdline: an alias of commit runs
 * as a git child with the words expanded). Doubts keep nothing (post-rewrite's git log answers):
 * no /proc, a parent that is not git (a hook manager's shell), a hook this one replaced (it ran
 * first and may have rewritten the file), a HEAD read from no loose ref, an empty first line (row 975), a `+` before a letter,
 * digit, `/`, `+` or `-` (a UTF-7 output encoding hides `@` so), more than PLAIN_BYTES. Reached only
 * by such an amend and by commits node reads anyway: a person's commit ends before and parses none
 * of it. Not in the husky block (its functions are parsed for every commit).
 */
function amendSourceLines(version: string): string[] {
  const kept = `$aitrail_s/${AMEND_SOURCE_FILE}`;
  return [
    '[ -z "$aitrail_dq" ] || [ -n "$aitrail_dn" ] || {',
    '  aitrail_x=',
    '  aitrail_k=',
    // Every line of it: a word may hold a newline (a --trailer value) before --author.
    '  { read -r aitrail_x </proc/$PPID/comm && while IFS= read -r aitrail_y || [ -n "$aitrail_y" ]; do aitrail_k=$aitrail_k$aitrail_y; done </proc/$PPID/cmdline; } 2>/dev/null',
    '  [ "$aitrail_x" = git ] || exit 0',
    '  case $aitrail_k in *--au*|*--res*) exit 0 ;; esac',
    '  [ -n "${GIT_AUTHOR_NAME+x}" ] && [ -n "${GIT_AUTHOR_EMAIL+x}" ] || exit 0',
    `  if [ -e "$0.aitrail-chained" ] || [ -L "$0.aitrail-chained" ] || [ -L "${kept}" ]; then exit 0; fi`,
    '  aitrail_x=',
    '  { IFS= read -r aitrail_x <"$aitrail_g/HEAD"; } 2>/dev/null',
    '  case $aitrail_x in "ref: refs/heads/"*)',
    '    aitrail_c=${GIT_COMMON_DIR-}',
    '    if [ -z "$aitrail_c" ]; then',
    '      aitrail_c=$aitrail_g',
    '      if [ -f "$aitrail_g/commondir" ]; then { read -r aitrail_c <"$aitrail_g/commondir"; } 2>/dev/null || exit 0; case $aitrail_c in /*) ;; *) aitrail_c=$aitrail_g/$aitrail_c ;; esac; fi',
    '    fi',
    '    aitrail_k=${aitrail_x#ref: }',
    '    aitrail_x=',
    '    case $aitrail_k in *..*|*//*|*/) exit 0 ;; esac',
    '    [ -f "$aitrail_c/$aitrail_k" ] && [ ! -L "$aitrail_c/$aitrail_k" ] || exit 0',
    '    { IFS= read -r aitrail_x <"$aitrail_c/$aitrail_k"; } 2>/dev/null ;;',
    '  esac',
    '  case $aitrail_x in ""|*[!0-9a-f]*) exit 0 ;; esac',
    '  case ${#aitrail_x} in 40|64) ;; *) exit 0 ;; esac',
    // git fills the file from HEAD's message past its blank lines: a subject first. An empty first line is HEAD's
    // message lost to a NUL in a header (git's C string of the object stops there), whose whole message only
    // post-rewrite's git log reads: with `--trailer` (interpret-trailers puts a blank line before it) or
    // `--allow-empty-message` the amend goes on (row 975).
    '  aitrail_y=',
    '  { IFS= read -r aitrail_y <"$1"; } 2>/dev/null',
    '  [ -n "$aitrail_y" ] || exit 0',
    '  aitrail_nl=\'',
    "'",
    '  aitrail_t="$GIT_AUTHOR_NAME <$GIT_AUTHOR_EMAIL>"',
    '  while IFS= read -r aitrail_y || [ -n "$aitrail_y" ]; do',
    '    aitrail_t=$aitrail_t$aitrail_nl$aitrail_y',
    `    [ "\${#aitrail_t}" -le ${PLAIN_BYTES} ] || exit 0`,
    '  done <"$1"',
    "  case $aitrail_t in *+[0-9A-Za-z/+-]*) exit 0 ;; esac",
    `  ${plainTextCase()}`,
    `  [ -z "$aitrail_t" ] && { printf '%s\\n%s\\n%s\\n' ${shQuote(stampHeader(version))} "$aitrail_x" "$PPID" >"${kept}"; } 2>/dev/null`,
    '  exit 0',
    '}',
  ];
}

/**
 * The most author and message text aitrail_plain reads itself: dash matches a pattern with several
 * `*` (the identity patterns) in time growing with the square of the text (8 KiB ~0.4 s, 64 KiB
 * ~30 s here; 4 KiB about a node start); more starts node, which reads it in linear time.
 */
const PLAIN_BYTES = 4096;

/**
 * sh function `aitrail_folded`, for a rebase's fixup or squash step (node: src/hooks/folded-attributions.ts,
 * which reads HEAD and the commits `rebase-merge/current-fixups` names, never the environment): true
 * when none of them holds a text a message or identity signature needs (aitrail_plain), under a valid
 * stamp; a line of the file that names no commit is a doubt; the revisions it is given are read too
 * (post-commit: `HEAD@{1}`, the commit the step amended). Reads `aitrail_g`; sets `aitrail_p`.
 */
export function foldedQuietFunction(version: string): string[] {
  return [
    '# A rebase fixup or squash step: node records the models of the commits it folds (HEAD and rebase-merge/current-fixups), when their authors or messages may name one.',
    'aitrail_folded() {',
    ...stampedLines(version),
    '  aitrail_o=',
    `  while read -r aitrail_k aitrail_h || [ -n "$aitrail_k" ]; do`,
    '    case $aitrail_k in fixup|squash) ;; *) return 1 ;; esac',
    '    case $aitrail_h in ""|*[!0-9a-f]*) return 1 ;; esac',
    '    aitrail_o="$aitrail_o $aitrail_h"',
    `  done <"$aitrail_g/${REBASE_FIXUPS}" || return 1`,
    '  aitrail_plain HEAD $aitrail_o "$@"',
    '}',
  ];
}

/** In the stamp's folder: the author git var answered prepare-commit-msg, for the commit-msg of the same git process (mergeIdentFunction). */
export const MERGE_IDENT_FILE = 'merge-ident';
/** In the stamp's folder: git var's answer kept for later git processes, with what it was read from (mergeIdentFunction, row 1184). */
export const AUTHOR_IDENT_FILE = 'author-ident';
/** Beside it: written just before that git var ran; a config file newer than it may have changed under git var. */
export const AUTHOR_IDENT_AT_FILE = 'author-ident-at';

/**
 * sh function `aitrail_ident`, for a message hook git exports no author to (a merge, a revert, a
 * cherry-pick): sets `aitrail_i` to `git var GIT_AUTHOR_IDENT`, as node reads it.
 *
 * Kept across git processes (AUTHOR_IDENT_FILE; row 1184): a person's merges all ask git var the same
 * question, answered from the same config files. When no `git -c`/GIT_CONFIG_* setting and no author
 * variable is in the environment, the answer a hook asked for is kept with a key (the stamp's version,
 * what git var reads from the environment: HOME, XDG_CONFIG_HOME, GIT_CONFIG_GLOBAL, GIT_CONFIG_SYSTEM,
 * GIT_CONFIG_NOSYSTEM, EMAIL; which of the config files git reads by default exist) and the files
 * `git config --list --show-origin` named, only when that listing shows a name and an address set in
 * those files (no fallback to the passwd entry, EMAIL or the host's name) and no include or includeIf
 * (a file the list would not name, a condition on the branch). A later hook takes it when its key
 * is the same and no config file git reads by default, none listed and no folder holding a global or
 * system one (a file moved or copied there with an older time) is as new as AUTHOR_IDENT_AT_FILE,
 * written before that git var ran (a config changed while it read is read again; one dated the same,
 * a change in the same second or clock tick, too: row 1192). Anything else asks
 * git var. Limits: a config file replaced by an older-dated one inside a git dir (`mv` over
 * `.git/config`), a system config file created at a path other than /etc/gitconfig and
 * GIT_CONFIG_SYSTEM where none was (git built with another prefix) are not noticed.
 *
 * Within one git process too: prepare-commit-msg keeps its answer (MERGE_IDENT_FILE, under the stamp's
 * version; only during a merge, git's MERGE_HEAD there: a cherry-pick or
 * a revert runs no commit-msg) keyed by that process (its pid, its start
 * time and the boot's id, read from /proc: no process) and by what else git var reads from the
 * environment; commit-msg reads it once (it empties the file) when the key is its own and no config file
 * git reads (the common git dir's, the worktree's, the global ones, the system's) is newer than it;
 * anything else, `git -c`/GIT_CONFIG_* settings, one author variable set, a key or an answer with a
 * byte outside printable ASCII, no /proc, asks git var as before. Within one hook run the answer is
 * asked once (`aitrail_im`): a cherry-pick's or a revert's prepare-commit-msg reads the message and
 * then MERGE_MSG (aitrail_prepared), and asked git var for each. Needs `aitrail_s` (the stamp's
 * folder, validated) and `aitrail_g`; `h` names the hook.
 */
function mergeIdentFunction(version: string): string[] {
  const kept = `$aitrail_s/${MERGE_IDENT_FILE}`;
  const lasting = `$aitrail_s/${AUTHOR_IDENT_FILE}`;
  const at = `$aitrail_s/${AUTHOR_IDENT_AT_FILE}`;
  const header = shQuote(stampHeader(version));
  const envKey = ['HOME', 'XDG_CONFIG_HOME', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CONFIG_NOSYSTEM', 'EMAIL'].map((name) => `\${${name}+x}\${${name}-}`).join('|');
  // The config files git reads by default (git's config.c do_git_config_sequence): the system's, the global ones, the repository's, the worktree's.
  const repoFiles = '"$aitrail_kc/config" "$aitrail_g/config.worktree"';
  const globalFiles = '"${GIT_CONFIG_GLOBAL:-${HOME-}/.gitconfig}" "${XDG_CONFIG_HOME:-${HOME-}/.config}/git/config" "${HOME-}/.gitconfig" "${GIT_CONFIG_SYSTEM:-/etc/gitconfig}"';
  return [
    "# A merge's author (git var), kept for later merges while the config files it came from stay as they were, and asked once for both message hooks of one git process (src/install/fast-path.ts mergeIdentFunction).",
    // Never a value the hook inherited (an agent loads a committed .env into its environment).
    'unset aitrail_im',
    'aitrail_ident() {',
    '  if [ -n "${aitrail_im+x}" ]; then aitrail_i=$aitrail_im; return 0; fi',
    '  aitrail_ke=',
    '  aitrail_kq=',
    `  if [ -z "\${GIT_CONFIG_PARAMETERS+x}\${GIT_CONFIG_COUNT+x}\${GIT_CONFIG+x}\${GIT_AUTHOR_NAME+x}\${GIT_AUTHOR_EMAIL+x}" ]; then`,
    '    aitrail_kc=$aitrail_g',
    '    [ -f "$aitrail_g/commondir" ] && { read -r aitrail_kc <"$aitrail_g/commondir" || aitrail_kc=; case $aitrail_kc in /*) ;; *) aitrail_kc=$aitrail_g/$aitrail_kc ;; esac; }',
    // The key of a kept answer: the environment git var reads, and which default config files exist (one created since, however dated, is a change).
    `    aitrail_kq="${envKey}"`,
    `    for aitrail_kf in ${repoFiles} ${globalFiles}; do if [ -e "$aitrail_kf" ] || [ -L "$aitrail_kf" ]; then aitrail_kq="$aitrail_kq|e"; else aitrail_kq="$aitrail_kq|-"; fi; done`,
    '    case $aitrail_kq in *[!\\ -~]*) aitrail_kq= ;; esac',
    `    if [ -n "$aitrail_kq" ] && [ -f "${lasting}" ] && [ ! -L "${lasting}" ] && [ -f "${at}" ] && [ ! -L "${at}" ] && { IFS= read -r aitrail_kv && IFS= read -r aitrail_kk && IFS= read -r aitrail_kl && IFS= read -r aitrail_i; } <"${lasting}" 2>/dev/null && [ "$aitrail_kv" = ${header} ] && [ "$aitrail_kk" = "$aitrail_kq" ] && [ -n "$aitrail_i" ]; then`,
    '      aitrail_kn=1',
    // The listed paths hold no space (aitrail_keep): split on spaces alone, whatever IFS the hook was given.
    '      aitrail_kz=$IFS',
    "      IFS=' '",
    '      set -f',
    // Each listed file still there and each of them, each default one and each folder of a global or system one that exists strictly older than the
    // moment before git var read them: one dated the same (a change in the same second where `-nt` compares seconds, busybox sh, bash 3.2; in the
    // same tick of the kernel's coarse clock that dates files) may have changed after git var read it (row 1192).
    `      for aitrail_kf in $aitrail_kl; do [ -f "$aitrail_kf" ] || aitrail_kn=; done`,
    `      for aitrail_kf in ${repoFiles} ${globalFiles} $aitrail_kl; do [ "${at}" -nt "$aitrail_kf" ] || [ ! -e "$aitrail_kf" ] || aitrail_kn=; done`,
    `      for aitrail_kf in ${globalFiles} $aitrail_kl; do case $aitrail_kf in "$aitrail_kc"/*|"$aitrail_g"/*) ;; */*) [ "${at}" -nt "\${aitrail_kf%/*}" ] || [ ! -e "\${aitrail_kf%/*}" ] || aitrail_kn= ;; esac; done`,
    '      set +f',
    '      IFS=$aitrail_kz',
    // `-`: the files named no author themselves or held an include (aitrail_keep): asked each time, with no `git config` to try again.
    '      if [ -n "$aitrail_kn" ]; then [ "$aitrail_i" = - ] || { aitrail_im=$aitrail_i; return 0; }; aitrail_kq=; fi',
    '    fi',
    '    if [ ! -L "' + kept + '" ] && { read -r aitrail_ke </proc/$PPID/stat && read -r aitrail_kb </proc/sys/kernel/random/boot_id; } 2>/dev/null; then',
    '      set -f',
    '      set -- ${aitrail_ke##*) }',
    '      set +f',
    '      aitrail_ke=',
    `      [ $# -ge 20 ] && aitrail_ke="$PPID \${20} $aitrail_kb ${envKey}"`,
    '      case $aitrail_ke in *[!\\ -~]*) aitrail_ke= ;; esac',
    '    fi',
    '  fi',
    '  if [ -n "$aitrail_ke" ] && [ "${h-}" = commit-msg ] && [ -f "' + kept + '" ] && { IFS= read -r aitrail_kv && IFS= read -r aitrail_kk && IFS= read -r aitrail_i; } <"' + kept + '" 2>/dev/null && [ "$aitrail_kv" = ' + header + ' ] && [ "$aitrail_kk" = "$aitrail_ke" ] && [ -n "$aitrail_i" ]; then',
    `    for aitrail_kf in ${repoFiles} ${globalFiles}; do [ "$aitrail_kf" -nt "${kept}" ] && aitrail_ke=; done`,
    '    { : >"' + kept + '"; } 2>/dev/null',
    '    [ -n "$aitrail_ke" ] && return 0',
    '  fi',
    // Before git var reads the config: the kept answer emptied (no hook takes it while this one asks), then the moment written.
    `  [ -n "$aitrail_kq" ] && [ ! -L "${lasting}" ] && [ ! -L "${at}" ] && { : >"${lasting}" && printf '%s\\n' "$aitrail_kq" >"${at}"; } 2>/dev/null || aitrail_kq=`,
    '  aitrail_i=$(git var GIT_AUTHOR_IDENT 2>/dev/null) || return 1',
    '  aitrail_im=$aitrail_i',
    // Kept for every later process (commit-msg too): nothing more to keep for this one.
    '  if [ -n "$aitrail_kq" ]; then',
    '    aitrail_keep && return 0',
    `    { printf '%s\\n%s\\n\\n-\\n' ${header} "$aitrail_kq" >"${lasting}"; } 2>/dev/null`,
    '  fi',
    // Kept only during a merge (git's MERGE_HEAD): a cherry-pick or a revert runs no commit-msg to read it.
    '  [ -n "$aitrail_ke" ] && [ "${h-}" = prepare-commit-msg ] && [ -f "$aitrail_g/MERGE_HEAD" ] || return 0',
    `  case $aitrail_i in ''|*[!\\ -~]*) ;; *) { printf '%s\\n%s\\n%s\\n' ${header} "$aitrail_ke" "$aitrail_i" >"${kept}"; } 2>/dev/null ;; esac`,
    '}',
    // True when it kept git var's answer for later processes: when the config files git read name the author themselves (user or author, name and
    // email) and hold no include: one `git config` process, only when the kept answer was missing or stale.
    'aitrail_keep() {',
    "  case $aitrail_i in *[!\\ -~]*|*\\<*\\<*|*\\>*\\>*) return 1 ;; *\\ \\<*\\>*) ;; *) return 1 ;; esac",
    '  aitrail_ko=$(git config --list --show-origin --name-only </dev/null 2>/dev/null) || return 1',
    '  aitrail_kl=',
    '  aitrail_kw=',
    '  aitrail_kx=',
    '  while IFS= read -r aitrail_ky; do',
    '    case $aitrail_ky in "") continue ;; file:*"\t"*) ;; *) return 1 ;; esac',
    '    case ${aitrail_ky#*"\t"} in include.*|includeif.*) return 1 ;; user.name|author.name) aitrail_kw=1 ;; user.email|author.email) aitrail_kx=1 ;; esac',
    '    aitrail_kf=${aitrail_ky%%"\t"*}',
    '    aitrail_kf=${aitrail_kf#file:}',
    // git names the repository's own files as it opened them (`.git/config`): the defaults the key and the check cover already.
    '    case $aitrail_kf in "$aitrail_kc/config"|"$aitrail_g/config.worktree") continue ;; /*) ;; *) return 1 ;; esac',
    // A path the kept line's words give back as it is: no space, quote, backslash or glob character (git quotes some), printable ASCII.
    '    case $aitrail_kf in *[!-A-Za-z0-9/._+@~]*) return 1 ;; esac',
    '    case " $aitrail_kl " in *" $aitrail_kf "*) ;; *) aitrail_kl="${aitrail_kl:+$aitrail_kl }$aitrail_kf" ;; esac',
    '  done <<aitrail_EOF',
    '$aitrail_ko',
    'aitrail_EOF',
    '  [ -n "$aitrail_kw" ] && [ -n "$aitrail_kx" ] || return 1',
    `  { printf '%s\\n%s\\n%s\\n%s\\n' ${header} "$aitrail_kq" "$aitrail_kl" "$aitrail_i" >"${lasting}"; } 2>/dev/null`,
    '}',
  ];
}

/** In the stamp's folder: the version that read it and the commit the last person's amend made, when it read that commit plain too (amendedQuietFunction). */
export const PLAIN_AMEND_FILE = 'plain-amend';

/**
 * sh function `aitrail_amended <old> <new>`, for post-rewrite after an amend (node: src/hooks/amended-rewrite.ts,
 * which reads the amended commit `<old>`, author and message): true when it holds no text a message or
 * identity signature needs (aitrail_plain), under a valid stamp; anything but a commit id is a doubt.
 * One `git log` reads both commits: when the new one is plain too, its id is kept (PLAIN_AMEND_FILE,
 * beside this version's name), and the next amend of it, as people amend again and again, reads
 * nothing (a commit id names its author and message: the judgement cannot go stale). Reads `aitrail_g`.
 */
export function amendedQuietFunction(version: string): string[] {
  const kept = `$aitrail_s/${PLAIN_AMEND_FILE}`;
  const source = `$aitrail_s/${AMEND_SOURCE_FILE}`;
  return [
    '# An amend: node records again what the amended commit declared when the new message dropped it, when that commit may name an agent.',
    'aitrail_amended() {',
    ...stampedLines(version),
    '  case $1 in ""|*[!0-9a-f]*) return 1 ;; esac',
    `  if [ -f "${source}" ] && [ ! -L "${source}" ] && { read -r aitrail_v && read -r aitrail_k && read -r aitrail_kp; } 2>/dev/null <"${source}"; then`,
    `    [ "$aitrail_v" = ${shQuote(stampHeader(version))} ] && [ "$aitrail_k" = "$1" ] && [ "$aitrail_kp" = "$PPID" ] && return 0`,
    '  fi',
    `  if [ -f "${kept}" ] && [ ! -L "${kept}" ] && { read -r aitrail_v && read -r aitrail_k; } 2>/dev/null <"${kept}"; then`,
    `    [ "$aitrail_v" = ${shQuote(stampHeader(version))} ] && [ "$aitrail_k" = "$1" ] && return 0`,
    '  fi',
    '  case $2 in ""|*[!0-9a-f]*) aitrail_plain "$1"; return ;; esac',
    '  [ "${#2}" = "${#1}" ] || { aitrail_plain "$1"; return; }',
    `  if aitrail_plain "$1" "$2"; then [ -L "${kept}" ] || { printf '%s\\n%s\\n' ${shQuote(stampHeader(version))} "$2" >"${kept}"; } 2>/dev/null; return 0; fi`,
    '  aitrail_plain "$1"',
    '}',
  ];
}

/** Ends a fold step with no AI signal in what it folds (aitrail_folded); otherwise node must run, the message's own fast path notwithstanding. */
export function foldedQuietCall(indent: string): string[] {
  return [...endQuietly('aitrail_folded'), 'aitrail_fold=1'].map((line) => `${indent}${line}`);
}
