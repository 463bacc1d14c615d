import { describe, expect, it } from 'vitest';
import { blameJson, fileRows, type Totals } from '../helpers/blame-json.js';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

const AI = '\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n';

const report = blameJson;
const rows = fileRows;

describe('blame: a line is not taken by turning its ending from CR LF to LF or back', () => {
  it('a renormalization commit (`* text=auto`, `git add --renormalize`) leaves the agent its lines, and an agent that converts a person\'s file takes none', () => {
    const repo = makeRepo();
    // Committed from Windows without autocrlf: the person's and the agent's lines stored with CR LF.
    repo.commit('human\n', { 'a.ts': 'h1\r\nh2\r\n' });
    repo.commit(`feature${AI}`, { 'a.ts': 'h1\r\nh2\r\nconst ai1 = 1;\r\nconst ai2 = 2;\r\nconst ai3 = 3;\r\n' });
    // A person's file in LF that an agent saves with CR LF (its editor's setting), adding one line.
    repo.commit('human b\n', { 'b.ts': 'p1\np2\np3\n' });
    repo.commit(`agent edit${AI}`, { 'b.ts': 'p1\r\np2\r\np3\r\nai4\r\n' });
    repo.git(['tag', 'v1']);
    // A person normalizes line endings, as GitHub's and git's docs say to once `* text=auto` is set.
    repo.write('.gitattributes', '* text=auto\n');
    repo.git(['add', '--renormalize', '.']);
    repo.git(['add', '.gitattributes']);
    repo.git(['commit', '-q', '-m', 'Normalize line endings']);
    expect(repo.git(['show', 'HEAD:a.ts'])).not.toContain('\r');

    const truth = [
      ['.gitattributes', 1, 0],
      ['a.ts', 5, 3],
      ['b.ts', 4, 1],
    ];
    // git blame alone gives every converted line to the commit that converted it (0 AI of 9, or b.ts's 3 to the agent).
    expect(rows(report(repo.dir, ['--no-cache']).files)).toEqual(truth);
    expect(rows(report(repo.dir, []).files)).toEqual(truth);
    expect(rows(report(repo.dir, []).files)).toEqual(truth);
    // -w reads `x\r\n` and `x\n` alike already: the same numbers.
    expect(rows(report(repo.dir, ['-w', '--no-cache']).files)).toEqual(truth);
    // After v1 only the attributes file is new: every converted line was there before it.
    expect(rows(report(repo.dir, ['--since', 'v1', '--no-cache']).files)).toEqual([['.gitattributes', 1, 0]]);

    const trend = aitrail(repo.dir, ['trend', 'v1', 'HEAD', '--format', 'json', '--no-cache']);
    expect(trend.code, trend.stderr).toBe(0);
    const releases = (JSON.parse(trend.stdout) as { releases: { totals: Totals }[] }).releases;
    expect(releases.map((release) => [release.totals.lines, release.totals.ai])).toEqual([[1, 0]]);
  });

  it('a person who converts an agent\'s file to CR LF while editing owns only the lines they changed or added', () => {
    const repo = makeRepo();
    repo.commit('human\n', { 'a.ts': 'h1\nh2\n' });
    repo.commit(`feature${AI}`, { 'a.ts': 'h1\nh2\nai1();\nai2();\nai3();\n' });
    repo.git(['tag', 'v1']);
    // Converted to CR LF in the same commit that edits h2 and ai2 and adds a line.
    repo.commit('edits\n', { 'a.ts': 'h1\r\nh2 edited\r\nai1();\r\nai2(edited);\r\nai3();\r\nnew();\r\n' });
    expect(rows(report(repo.dir, ['--no-cache']).files)).toEqual([['a.ts', 6, 2]]);
    expect(rows(report(repo.dir, []).files)).toEqual([['a.ts', 6, 2]]);
    expect(rows(report(repo.dir, ['--since', 'v1', '--no-cache']).files)).toEqual([['a.ts', 3, 0]]);
  });
});

describe('blame: a first line is not taken by adding or taking away a byte order mark', () => {
  it('an editor that saves an agent\'s file as "UTF-8 with BOM" (Visual Studio) leaves the agent its first line, and one that strips the mark leaves a person theirs', () => {
    const repo = makeRepo();
    repo.commit(`agent${AI}`, { 'A.cs': 'using System;\nclass A {}\n' });
    repo.commit('human\n', { 'B.cs': '\ufeffusing System;\nclass B {}\n' });
    repo.git(['tag', 'v1']);
    // A person saves A.cs in Visual Studio (adding the mark) and fixes a brace; an agent edits B.cs and drops the mark.
    repo.commit('save in VS\n', { 'A.cs': '\ufeffusing System;\nclass A { }\n' });
    repo.commit(`agent edit${AI}`, { 'B.cs': 'using System;\nclass B {}\nclass C {}\n' });
    expect(repo.git(['show', 'HEAD~1:A.cs'], { raw: true })).toMatch(/^\ufeff/);
    const truth = [
      ['A.cs', 2, 1],
      ['B.cs', 3, 1],
    ];
    // git blame alone: A.cs's first line the person's (0 AI of 2), B.cs's the agent's (2 of 3).
    expect(rows(report(repo.dir, ['--no-cache']).files)).toEqual(truth);
    expect(rows(report(repo.dir, []).files)).toEqual(truth);
    expect(rows(report(repo.dir, ['--since', 'v1', '--no-cache']).files)).toEqual([
      ['A.cs', 1, 0],
      ['B.cs', 1, 1],
    ]);
  });
});
