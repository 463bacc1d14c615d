// Pull request footers agents write, as a squash merge keeps them in the commit message.

/**
 * Cursor's cloud agent's Open in Web / Open in Cursor buttons as it writes them in 2026, each link
 * with its tracking query (`cursor_ref=pr_footer&cursor_cta=…`), shortened to one picture source each.
 */
export const CURSOR_FOOTER_2026 =
  '<div><a href="https://cursor.com/agents/bc-0cf04834-c057-41c6-abc9-853f23aceb21?cursor_ref=pr_footer&cursor_cta=open_in_web"><picture>' +
  '<source media="(prefers-color-scheme: dark)" srcset="https://cursor.com/assets/images/open-in-web-dark.png">' +
  '<img alt="Open in Web" width="114" height="28" src="https://cursor.com/assets/images/open-in-web-dark.png"></picture></a>&nbsp;' +
  '<a href="https://cursor.com/background-agent?bcId=bc-0cf04834-c057-41c6-abc9-853f23aceb21&cursor_ref=pr_footer&cursor_cta=open_in_cursor"><picture>' +
  '<img alt="Open in Cursor" width="131" height="28" src="https://cursor.com/assets/images/open-in-cursor-dark.png"></picture></a>&nbsp;</div>';
