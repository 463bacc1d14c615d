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
 * The projects in the order their files run. vitest hands a finished shared (`isolate: false`)
 * worker the next file only when that file is of the same project, and otherwise stops it and
 * starts another (~0.9 s of CPU each): files of one project are kept together, the e2e files
 * (each in a worker of its own anyway, and the longest) first.
 */
const PROJECTS = ['e2e', 'integration', 'unit'];

/**
 * Test files in the order they are best started on a few cores: the longest first within each
 * project, so that the run does not end on one long file while the other cores idle. vitest's own order needs its
 * results cache, which a fresh clone (CI) lacks: it then runs the e2e files, then the integration
 * files, then the unit files, each in the order found, and a run ended on the unit file that
 * takes ~11 s. Files the table does not know (new ones) go first, as vitest puts them.
 */
export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = recordedSeconds();
    const key = (spec: TestSpecification) => `${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`;
    const known = new Map(files.map((spec) => [spec, seconds[key(spec)]]));
    const group = (spec: TestSpecification) => PROJECTS.indexOf(spec.project.name);
    return [...files].sort((a, b) => {
      if (group(a) !== group(b)) return group(a) - group(b);
      const [left, right] = [known.get(a), known.get(b)];
      if (left === undefined || right === undefined) return left === right ? 0 : left === undefined ? -1 : 1;
      return right - left || key(a).localeCompare(key(b));
    });
  }
}
