import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Seconds per `<project>:<file>` from a fresh-clone run (test/setup/test-durations.json). */
function recordedSeconds(): Record<string, number> {
  try {
    const table = JSON.parse(readFileSync(new URL('./test-durations.json', import.meta.url), 'utf8')) as { seconds?: Record<string, number> };
    return table.seconds ?? {};
  } catch {
    return {};
  }
}

/**
 * Test files in the order they are best started on a few cores: the longest first, so that the
 * run does not end on one long file while the other cores idle. vitest's own order needs its
 * results cache, which a fresh clone (CI) lacks: it then runs the e2e files, then the integration
 * files, then the unit files, each in the order found, and a run ended on the unit file that
 * takes ~11 s. Files the table does not know (new ones) go first, as vitest puts them.
 */
export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = recordedSeconds();
    const key = (spec: TestSpecification) => `${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`;
    const known = new Map(files.map((spec) => [spec, seconds[key(spec)]]));
    return [...files].sort((a, b) => {
      const [left, right] = [known.get(a), known.get(b)];
      if (left === undefined || right === undefined) return left === right ? 0 : left === undefined ? -1 : 1;
      return right - left || key(a).localeCompare(key(b));
    });
  }
}
