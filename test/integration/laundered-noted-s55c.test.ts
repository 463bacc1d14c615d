// Session 55 helper c (row 1165): under `deny: ["qwen/*"]`, Qwen's commit Q whose message names no model but whose
// note does (git-ai's refs/notes/ai, or Qwen Code's own refs/notes/ai-attribution), on main before the deny and
// reverted, is refused itself; its change picked again as a person's commit passed `check` and pre-receive: the twin
// search (rows 1056..1124) detected the commits the refs hold by their messages alone (row 1056's limit "notes-only
// attributions of the old commit are not read here"). Found replaying the attacker's playbook with the built CLI and a
// real bare server with pre-receive. Now the twin search adds each walked commit's notes as the range's commits get theirs.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { deniedAfterRevert, expectLaunderRefused, PARSE } from '../helpers/laundered-twins.js';
import { QWEN_NOTES, qwenNote } from '../helpers/qwen-code-notes.js';

type Noter = (work: Parameters<typeof addNote>[0], sha: string) => string;

const NOTERS: Record<string, Noter> = {
  "git-ai's note (refs/notes/ai)": (work, sha) => {
    addNote(work, sha, gitAiNote({ 'src/parse.ts': [session(NOTE_KEYS.qwen, '1-3')] }));
    return 'refs/notes/ai';
  },
  "Qwen Code's note (refs/notes/ai-attribution)": (work, sha) => {
    qwenNote(work, sha, 'Qwen-Coder', ['src/parse.ts']);
    return QWEN_NOTES;
  },
};

/** A server whose main holds Q (a silent message, `note` naming Qwen), a person's revert of it, then the deny, pushed with the notes. */
const notedAfterRevert = (note: Noter) => deniedAfterRevert(undefined, 'src/parse.ts', { message: 'feat: parse\n', note });

describe("a person-read commit that is the change of a commit only its note names as Qwen's (row 1165)", () => {
  for (const [name, note] of Object.entries(NOTERS)) {
    it(`Q named by ${name}, reverted, picked again as a person's: refused by check and pre-receive; a person's own change passes`, () => {
      const server = notedAfterRevert(note);
      const { work, qwen } = server;
      const own = aitrail(work.dir, ['check', `${qwen}~1..${qwen}`, '--policy-from', 'origin/main']);
      expect(own.code, own.stdout + own.stderr).toBe(1);
      expect(tryGit(work.dir, ['cherry-pick', '-n', qwen]).code).toBe(0);
      expect(tryGit(work.dir, ['commit', '-q', '--no-verify', '-m', 'feat: parse']).code).toBe(0);
      expectLaunderRefused(server);
      work.git(['reset', '-q', '--hard', 'origin/main']);
      expect(commitWith(work, 'feat: parse by hand\n', { 'src/parse.ts': PARSE.replace('part.length > 0', 'part !== ""') }, { noVerify: true }).code).toBe(0);
      const mine = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
      expect(mine.code, mine.stderr).toBe(0);
    });
  }
});
