/** git's own options before its command that take the next argument as their value (git.c `handle_options`). */
const GLOBAL_WITH_VALUE = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--config-env']);
/** git's own options before its command that take none (the others with a value are written `--name=value`). */
const GLOBAL_FLAGS = /^(?:-p|-P|--paginate|--no-pager|--bare|--no-replace-objects|--literal-pathspecs|--glob-pathspecs|--noglob-pathspecs|--icase-pathspecs|--no-optional-locks|--no-lazy-fetch|--html-path|--man-path|--info-path|--(?:git-dir|work-tree|namespace|super-prefix|config-env|exec-path|list-cmds|attr-source)=.*)$/;

/**
 * `git commit`'s long options (git 2.39 builtin/commit.c, hidden ones too) and whether each takes a
 * value: `true` the next argument when not written `--name=value`, `false` none, `'attached'` only as
 * `--name=value`. parse-options takes any unique prefix of a name.
 */
const COMMIT_LONG: Record<string, boolean | 'attached'> = {
  quiet: false, verbose: false, file: true, author: true, date: true, message: true, 'reedit-message': true, 'reuse-message': true,
  fixup: true, squash: true, 'reset-author': false, trailer: true, signoff: false, template: true, edit: false, cleanup: true,
  status: false, 'gpg-sign': 'attached', all: false, include: false, interactive: false, patch: false, only: false, verify: false,
  'no-verify': false, 'dry-run': false, short: false, branch: false, 'ahead-behind': false, porcelain: false, long: false, null: false,
  amend: false, 'no-post-rewrite': false, 'post-rewrite': false, 'untracked-files': 'attached', 'pathspec-from-file': true,
  'pathspec-file-nul': false, 'allow-empty': false, 'allow-empty-message': false,
};
/** Short options that take a value: the rest of their argument, else the next one (`-m msg`, `-qmmsg`). `-S` and `-u` take one attached only. */
const SHORT_WITH_VALUE = 'mFcCt';
const SHORT_ATTACHED = 'Su';

/** The long option `name` (no dashes) stands for, as parse-options reads an abbreviation; undefined when unknown or ambiguous. */
function longOption(name: string): string | undefined {
  if (name in COMMIT_LONG) return name;
  const matches = Object.keys(COMMIT_LONG).filter((option) => option.startsWith(name));
  if (matches.length === 1) return matches[0];
  // `--no-<prefix>` negates an option (`--no-cleanup`, `--no-cl`).
  if (name.startsWith('no-')) {
    const negated = Object.keys(COMMIT_LONG).filter((option) => option.startsWith(name.slice(3)));
    if (negated.length === 1) return `no ${negated[0]}`;
  }
  return undefined;
}

/**
 * The `--cleanup` mode a `git commit` command line gives (`argv`: the process's arguments, `git`
 * or a path to it first): the last one given (`--cleanup=strip`, `--cleanup strip`, `--cl=strip`;
 * `default` for `--no-cleanup`, which undoes `commit.cleanup` too: git 2.39 reads that setting into
 * the option's own string), `null` when the command line gives none, `undefined` when it is not a
 * `git commit` this reading can follow (another command, an alias, an option it does not know or an
 * ambiguous abbreviation): git tells no hook of the option, so the command line git was started
 * with is the only place it can be read, and any doubt leaves it unread.
 */
export function commitCleanupOption(argv: readonly string[]): string | null | undefined {
  const program = (argv[0] ?? '').replace(/^.*\//, '');
  let index = 1;
  if (program === 'git') {
    for (; index < argv.length; index += 1) {
      const arg = argv[index]!;
      if (GLOBAL_WITH_VALUE.has(arg)) index += 1;
      else if (!GLOBAL_FLAGS.test(arg)) break;
    }
    if (argv[index] !== 'commit') return undefined;
    index += 1;
  } else if (program !== 'git-commit') {
    return undefined;
  }
  let mode: string | null = null;
  for (; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--' || arg === '--end-of-options') break;
    if (arg.startsWith('--')) {
      const equals = arg.indexOf('=');
      const option = longOption(equals === -1 ? arg.slice(2) : arg.slice(2, equals));
      if (option === undefined) return undefined;
      // git's `commit.cleanup` sets the very string the option does: `--no-cleanup` empties it, so git
      // cleans as its default (strip with an editor, whitespace without), whatever the config says.
      if (option === 'no cleanup') mode = 'default';
      if (option.startsWith('no ') || equals !== -1) {
        if (option === 'cleanup') mode = arg.slice(equals + 1);
        continue;
      }
      if (COMMIT_LONG[option] === true) {
        index += 1;
        if (index >= argv.length) return undefined;
        if (option === 'cleanup') mode = argv[index]!;
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let at = 1; at < arg.length; at += 1) {
        if (SHORT_ATTACHED.includes(arg[at]!)) break;
        if (SHORT_WITH_VALUE.includes(arg[at]!)) {
          if (at === arg.length - 1) index += 1;
          break;
        }
      }
    }
    // Anything else is a pathspec (parse-options lets options follow them).
  }
  return mode;
}
