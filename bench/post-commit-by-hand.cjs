// The post-commit hook's work for one agent checkpoint, written by hand with no aitrail code and no
// checks, for bench/checkpoint.bench.js to time beside the hook: list and parse the checkpoint; the
// replay checks (rebase, cherry-pick); the same two git commands (cat-file of the commit and the
// file at it and at its parent; notes add from stdin); the added lines by a plain prefix/suffix
// comparison; the work tree compared with the commit; the last-note file written atomically; the
// checkpoint removed. Run in the repository, after the commit. Exits non-zero when a step fails.
'use strict';
const fs = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const top = process.cwd();
const gitDir = join(top, '.git');
const store = join(gitDir, 'aitrail', 'checkpoints');
const [name] = fs.readdirSync(store);
const checkpoint = JSON.parse(fs.readFileSync(join(store, name), 'utf8'));
if (['rebase-merge', 'rebase-apply', 'CHERRY_PICK_HEAD'].some((entry) => fs.existsSync(join(gitDir, entry)))) process.exit(2);

const read = spawnSync('git', ['cat-file', '--batch'], { input: `HEAD^{commit}\nHEAD:${checkpoint.path}\nHEAD^1:${checkpoint.path}\n` });
if (read.status !== 0) process.exit(3);
const objects = [];
for (let at = 0; objects.length < 3; ) {
  const end = read.stdout.indexOf(10, at);
  const [oid, , size] = read.stdout.toString('latin1', at, end).split(' ');
  objects.push({ oid, content: read.stdout.subarray(end + 1, end + 1 + Number(size)) });
  at = end + 2 + Number(size);
}
const [commit, committed, parent] = objects;
const after = committed.content.toString('utf8').split('\n');
const before = parent.content.toString('utf8').split('\n');
let first = 0;
while (first < before.length && after[first] === before[first]) first += 1;
let last = 0;
while (last < before.length - first && after[after.length - 1 - last] === before[before.length - 1 - last]) last += 1;
const note = `${checkpoint.path}\n  s_00000000000000::t_00000000000000 ${first + 1}-${after.length - last}\n---\n{"schema_version":"authorship/3.0.0"}\n`;

const file = join(top, checkpoint.path);
const whole = fs.statSync(file).size === committed.content.length && fs.readFileSync(file).equals(committed.content);
if (spawnSync('git', ['notes', '--ref=refs/notes/ai', 'add', '-F', '-', commit.oid], { input: note }).status !== 0) process.exit(4);
const temp = join(gitDir, 'aitrail', `.last-note.${process.pid}.tmp`);
fs.writeFileSync(temp, `${commit.oid}\n${note}`, { flag: 'wx' });
fs.renameSync(temp, join(gitDir, 'aitrail', 'last-note'));
if (whole) fs.unlinkSync(join(store, name));
