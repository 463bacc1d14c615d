import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { envWithAitrailOnPath } from './cli.js';
import type { TestRepo } from './gitdir.js';

/**
 * aider's scripts/blame.py, recomputed with plain git: the files of `end` ending .js/.py/.scm/.sh/
 * Dockerfile/Gemfile, .yml under .github/workflows/ or aider/resources/, five website pages and
 * tests/fixtures/languages/**\/test.*, less *prompts.py, tests/fixtures/watch* and the two install
 * scripts, as `git ls-tree` prints them (a name it quotes, `"t\303\251st.py"`, ends in none of those); `git blame -M100 -C100 -C -C --abbrev=9 <start>..<end> -- <file>`; lines starting `^`
 * (boundary, which a root commit is without --root) skipped; each line's author is `%an` of its
 * commit (its first 9 hex digits looked up among `git rev-list <start>..<end>`, else "Unknown"), with
 * " (aider)" added when the stripped subject `%s`, lowercased, starts `aider:`; a line is aider's
 * when that name, lowercased, holds `(aider)`.
 */
export function blameDotPy(repo: TestRepo, start: string, end: string): { total: number; aider: number; byAuthor: Record<string, number> } {
  const authors = new Map<string, string>();
  for (const sha of repo.git(['rev-list', `${start}..${end}`]).split('\n').filter(Boolean)) {
    let author = repo.git(['show', '-s', '--format=%an', sha]);
    if (repo.git(['show', '-s', '--format=%s', sha]).toLowerCase().startsWith('aider:')) author += ' (aider)';
    authors.set(sha.slice(0, 9), author);
  }
  const website = ['aider/website/index.html', 'aider/website/share/index.md', 'aider/website/_includes/head_custom.html', 'aider/website/_includes/home.css', 'aider/website/docs/leaderboards/index.md'];
  const listed = repo.git(['ls-tree', '-r', '--name-only', end]).split('\n');
  const files = listed
    .filter(
      (path) =>
        /(\.js|\.py|\.scm|\.sh|Dockerfile|Gemfile)$/.test(path) ||
        (path.startsWith('.github/workflows/') && path.endsWith('.yml')) ||
        (path.startsWith('aider/resources/') && path.endsWith('.yml')) ||
        website.includes(path) ||
        (path.startsWith('tests/fixtures/languages/') && path.includes('/test.')),
    )
    .filter((path) => !path.endsWith('prompts.py') && !path.startsWith('tests/fixtures/watch') && !['aider/website/install.ps1', 'aider/website/install.sh'].includes(path));
  const byAuthor: Record<string, number> = {};
  let aider = 0;
  for (const file of files) {
    const text = repo.git(['blame', '-M100', '-C100', '-C', '-C', '--abbrev=9', `${start}..${end}`, '--', file], { raw: true });
    // Python's str.splitlines(): a form feed, a vertical tab, a lone \r, \x1c-\x1e, U+0085, U+2028, U+2029 end a line too.
    const lines = text.split(/\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/);
    if (lines.at(-1) === '') lines.pop();
    for (const line of lines) {
      if (line.startsWith('^')) continue;
      const author = authors.get(line.slice(0, 9)) ?? 'Unknown';
      byAuthor[author] = (byAuthor[author] ?? 0) + 1;
      if (author.toLowerCase().includes('(aider)')) aider += 1;
    }
  }
  return { total: Object.values(byAuthor).reduce((sum, count) => sum + count, 0), aider, byAuthor };
}

/** The README's command for aider's published figure, as the section gives it (`npx aitrail` run as `aitrail`). */
export function readmeAiderCommand(): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('### The figure aider publishes, reproduced'));
  return /```sh\n([\s\S]*?)```/.exec(section)![1]!.replace(/^npx aitrail /gm, 'aitrail ');
}

/** Run the README's command in `repo`: each release's `<end tag> <total_lines> <aider_total> <share>`. */
export function runReadmeAiderCommand(repo: TestRepo): { status: number | null; stderr: string; rows: string[][] } {
  const run = spawnSync('sh', ['-c', readmeAiderCommand()], { cwd: repo.dir, env: envWithAitrailOnPath(), encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr, rows: run.stdout.trim().split('\n').filter(Boolean).map((row) => row.split(' ')) };
}
