import { describe, it } from 'vitest';
import { expectLog, type Case } from '../helpers/log-cases.js';

/**
 * Homebrew's `brew bump-revision <formula>` commits `<formula>: revision bump` (with `--message`,
 * `<formula>: revision bump <message>`: Homebrew/brew `Library/Homebrew/dev-cmd/bump-revision.rb`), as
 * homebrew-core's maintainers do for every formula when a dependency changes; for the `aider` formula
 * (homebrew-core `Formula/a/aider.rb`) that is aider's own `aider: ` subject prefix, so each such
 * packaging commit read as aider's in `log`, `blame` and `trend` (row 137 excused only version updates).
 * Guards beside it: conventions of big projects and their bots that must stay people's, and the
 * kernel's own AI declarations (`Assisted-by: AGENT:MODEL`, from real patches on the kernel's lists)
 * that must stay AI.
 */
const BIG_PROJECTS: Case[] = [
  // brew bump-revision (Homebrew/brew dev-cmd/bump-revision.rb): the aider formula's revision bumps.
  ['aider: revision bump\n', []],
  ['aider: revision bump (python 3.13)\n', []],
  ['aider: revision bump for certifi\n\nSigned-off-by: BrewTestBot <1589480+BrewTestBot@users.noreply.github.com>\n', []],
  // aider's own prefix is still aider's.
  ['aider: fix the revision bump check\n', ['aider:unknown']],
  ['aider: Bump the revision counter in the cache\n', ['aider:unknown']],
  // The kernel's bots and people (kernel test robot, syzbot; a co-developer named like a model's family).
  ['mm: fix a leak\n\nReported-by: kernel test robot <lkp@intel.com>\nCloses: https://lore.kernel.org/oe-kbuild-all/202401011234.abcd-lkp@intel.com/\nReported-by: syzbot+0123456789abcdef0123@syzkaller.appspotmail.com\nCo-developed-by: Claudio Imbrenda <imbrenda@linux.ibm.com>\nSigned-off-by: Claudio Imbrenda <imbrenda@linux.ibm.com>\nSigned-off-by: Jane Doe <jane@example.com>\n', []],
  // Chromium's autoroller (Bot-Commit, Commit-Queue by a service account).
  ['Roll Skia from 0123abcd to 4567ef01 (3 revisions)\n\nBug: None\nChange-Id: I0123456789abcdef0123456789abcdef01234567\nReviewed-on: https://chromium-review.googlesource.com/c/chromium/src/+/1\nBot-Commit: chromium-autoroll <chromium-autoroll@skia-public.iam.gserviceaccount.com>\nCommit-Queue: chromium-autoroll <chromium-autoroll@skia-public.iam.gserviceaccount.com>\nCr-Commit-Position: refs/heads/main@{#1}\n', []],
  // Weblate's translation commit.
  ['Translated using Weblate (German)\n\nCurrently translated at 100.0% (123 of 123 strings)\n\nCo-authored-by: Hosted Weblate <hosted@weblate.org>\nTranslate-URL: https://hosted.weblate.org/projects/p/c/de/\nTranslation: Project/Component\n', []],
  // The kernel's AI declarations stay AI (Documentation/process/coding-assistants.rst's form).
  ['drm/xe: free the bo on error\n\nFixes: 4e03b584143e ("drm/xe/uapi: Reject bo creation of unaligned size")\nCc: stable@vger.kernel.org\nAssisted-by: Claude:claude-opus-4.6\nSigned-off-by: Jane Doe <jane@example.com>\n', ['claude-code:anthropic/claude-opus-4.6']],
];

describe('big public projects: packaging, bots and people stay people; declared AI stays AI', () => {
  it("reads `brew bump-revision`'s aider subject as Homebrew's, aider's own prefix as aider's", () => {
    expectLog(BIG_PROJECTS);
  });
});
