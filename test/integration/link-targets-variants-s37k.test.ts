import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { committed, CRYPTO_PATH_POLICY, policyServer, QWEN_KEY, tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import type { TestRepo } from '../helpers/gitdir.js';

// Session 37 (red team of rows 469-470): variations that hold. A directory link whose target a
// git-ai note covers in part, and a note naming a file the commit renamed onto a link's target.

function linked(work: TestRepo, make: (dir: string) => void): void {
  work.write('lib/old.ts', 'export const placeholder = 0;\n');
  make(work.dir);
  writeFileSync(join(work.dir, '.aitrailrc.yml'), CRYPTO_PATH_POLICY);
  work.git(['add', '-A']);
  work.git(['commit', '-q', '--no-verify', '-m', 'chore: crypto points at lib']);
  expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
  work.git(['fetch', '-q', 'origin']);
  work.git(['checkout', '-q', '-b', 'noted', 'main']);
}

type Found = Array<{ sha: string; rule: string; paths: string[] }>;

describe('path rules through links, known from git-ai notes: variations', () => {
  it('a directory link, the note giving Qwen one of two files: refused naming that file where the link shows it', () => {
    const { work } = policyServer('policy:\n  deny: []\n');
    linked(work, (dir) => {
      mkdirSync(join(dir, 'src'), { recursive: true });
      symlinkSync('../lib', join(dir, 'src/crypto'));
    });
    const noted = committed(work, 'feat: two files\n', { 'lib/a.ts': QWEN_KEY, 'lib/b.ts': 'export const b = 1;\n' });
    addNote(work, noted, gitAiNote({ 'lib/a.ts': [session(NOTE_KEYS.qwen, '1-3')] }));
    const check = aitrail(work.dir, ['check', 'origin/main..noted', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    const found = (JSON.parse(check.stdout) as { violations: Found }).violations.filter((violation) => violation.rule !== 'undeclared');
    expect(found).toMatchObject([{ sha: noted, rule: 'path-model-denied', paths: ['src/crypto/a.ts'] }]);
  });

  it('a note naming the file a commit renamed onto a link\'s target: refused', () => {
    const { work } = policyServer('policy:\n  deny: []\n');
    linked(work, (dir) => {
      mkdirSync(join(dir, 'src/crypto'), { recursive: true });
      symlinkSync('../../lib/key.ts', join(dir, 'src/crypto/key.ts'));
    });
    work.git(['mv', 'lib/old.ts', 'lib/key.ts']);
    writeFileSync(join(work.dir, 'lib/key.ts'), QWEN_KEY);
    work.git(['commit', '-q', '--no-verify', '-am', 'feat: key']);
    const noted = work.git(['rev-parse', 'HEAD']).trim();
    addNote(work, noted, gitAiNote({ 'lib/key.ts': [session(NOTE_KEYS.qwen, '1-3')] }));
    const check = aitrail(work.dir, ['check', 'origin/main..noted', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    const found = (JSON.parse(check.stdout) as { violations: Found }).violations.filter((violation) => violation.rule !== 'undeclared');
    expect(found[0]).toMatchObject({ sha: noted, rule: 'path-model-denied', paths: ['src/crypto/key.ts'] });
  });
});
