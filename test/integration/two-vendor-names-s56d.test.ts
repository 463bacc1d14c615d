// Session 56 helper d (row 1201): catalog.ts nameVendor gives one vendor, the first word's, for a joined name of two vendors'
// words the table cannot read (`gpt-kimi`, `qwen-claude`): `Assisted-by: gpt-kimi` read OpenAI's and Moonshot's unknown models,
// but a co-author's note (`opencode (gpt-kimi) <noreply@opencode.ai>`) and a git-ai note's model read OpenAI's alone, so a deny of
// `moonshotai/*` passed them. Found from session 55's leftovers. Now catalog.ts nameVendors reads every vendor such a name names,
// and the co-author's and git-ai notes' readers add the others, as `Assisted-by:` does; an agent's name first (`claude-code-kimi`)
// still reads the rest's vendor alone (row 1190). A model variable (`AITRAIL_MODEL=gpt-kimi`) still reads the first word's only.
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefusedNaming, policyServer } from '../helpers/enforce-repos.js';
import { expectLog } from '../helpers/log-cases.js';
import { modelOfNote, moreModelsOfNote } from '../../src/core/notes/note-attribution.js';

const note = (model: string): string => `fix: n\n\nCo-authored-by: opencode (${model}) <noreply@opencode.ai>\n`;

describe('a joined name of two vendors\' words is both vendors\' models', () => {
  it('log reads a co-author\'s note as Assisted-by: reads it', () => {
    expectLog([
      [note('gpt-kimi'), ['opencode:openai/unknown', 'opencode:moonshotai/unknown']],
      [note('qwen-claude'), ['opencode:qwen/unknown', 'opencode:anthropic/unknown']],
      ['fix: a\n\nAssisted-by: gpt-kimi\n', ['unknown:openai/unknown', 'unknown:moonshotai/unknown']],
      [note('claude-code-kimi'), ['opencode:moonshotai/unknown']],
      [note('kimi-max'), ['opencode:moonshotai/unknown']],
      [note('glm-o3'), ['opencode:z-ai/unknown']],
    ]);
  }, 120_000);

  it('a git-ai note\'s model names each vendor', () => {
    for (const [model, more] of [['gpt-kimi', ['moonshotai/unknown']], ['qwen-claude', ['anthropic/unknown']], ['claude-code-kimi', []], ['deepseek-r1-distill-qwen-32b', []]] as const) {
      expect(moreModelsOfNote(model, modelOfNote(model)), model).toEqual(more);
    }
  });

  it('check and a real pre-receive refuse the note under a deny of the second vendor', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["moonshotai/*", "anthropic/*"]\n');
    expectEachRefusedNaming(remote, work, {
      kimi: [note('gpt-kimi'), 'moonshotai/unknown'],
      claude: [note('qwen-claude'), 'anthropic/unknown'],
    });
    expectEachPasses(work, [note('gpt-5-fast')]);
  }, 240_000);
});
