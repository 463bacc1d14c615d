import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN } from './cli.js';
import { tempDir } from './gitdir.js';

/** The git processes a GIT_TRACE file records (each logs its command line once as it starts). */
export function gitCommands(trace: string): string[] {
  return readFileSync(trace, 'utf8')
    .split('\n')
    .flatMap((line) => /trace: (?:built-in|exec): git (.*)$/.exec(line)?.[1] ?? []);
}

/** A fresh file for a GIT_TRACE to write. */
export function traceFile(name: string): string {
  return join(tempDir('aitrail-trace-'), name);
}

/** The bare `remoteDir`'s pre-receive made the built CLI's, its git processes traced: the trace file. */
export function tracedPreReceive(remoteDir: string): string {
  const trace = traceFile('pre-receive.trace');
  writeFileSync(join(remoteDir, 'hooks', 'pre-receive'), `#!/bin/sh\nGIT_TRACE='${trace}' exec "${process.execPath}" "${BIN}" hook pre-receive "$@"\n`);
  chmodSync(join(remoteDir, 'hooks', 'pre-receive'), 0o755);
  return trace;
}
