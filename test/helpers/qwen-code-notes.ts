import { makeRepo, type TestRepo } from './gitdir.js';

/**
 * A note exactly as Qwen Code writes it (QwenLM/qwen-code `commitAttribution.ts` generateNotePayload,
 * `attributionTrailer.ts` buildGitNotesCommand, `shell.ts` attachCommitAttribution): the payload
 * `JSON.stringify`d, given as ONE argv entry to `git notes --ref=refs/notes/ai-attribution add -f -m
 * <json> <sha>`, its `generator` the session model through sanitizeModelName (`Qwen-Coder` for
 * every Qwen model, another model's name as configured). `payload`: that text instead.
 */
export function qwenNote(repo: TestRepo, sha: string, generator: string, files: string[], payload?: string): void {
  const note = {
    version: 1,
    generator,
    files: Object.fromEntries(files.map((file) => [file, { aiChars: 120, humanChars: 0, percent: 100, surface: 'cli' }])),
    summary: { aiPercent: 100, aiChars: 120 * files.length, humanChars: 0, totalFilesTouched: files.length, surfaces: ['cli'] },
    surfaceBreakdown: { cli: { aiChars: 120 * files.length, percent: 100 } },
    excludedGenerated: [],
    promptCount: 2,
  };
  repo.git(['notes', '--ref=refs/notes/ai-attribution', 'add', '-f', '-m', payload ?? JSON.stringify(note), sha]);
}

/** A note of another shape in the same ref (`git notes add -F -`: any size). */
export function otherNote(repo: TestRepo, sha: string, text: string): void {
  repo.git(['notes', '--ref=refs/notes/ai-attribution', 'add', '-f', '-F', '-', sha], { input: text });
}

/** Qwen allowed, except in src/crypto (a path rule: only lines moved there, or notes naming Qwen there, break it). */
export const QWEN_CRYPTO_POLICY = 'policy: {allow: ["*"], undeclared: allow, unknownModel: allow, paths: [{files: ["src/crypto/**"], deny: ["qwen/*"]}]}\n';
/** Qwen Code's notes ref. */
export const QWEN_NOTES = 'refs/notes/ai-attribution';

/** Another developer's clone of `remote`: its main checked out, Qwen Code's notes fetched. */
export function qwenNotesClone(remote: string): TestRepo {
  const dev = makeRepo();
  dev.git(['remote', 'add', 'origin', remote]);
  dev.git(['fetch', '-q', 'origin', '+refs/heads/main:refs/remotes/origin/main', `+${QWEN_NOTES}:${QWEN_NOTES}`]);
  dev.git(['checkout', '-q', '-b', 'main', 'origin/main']);
  return dev;
}
