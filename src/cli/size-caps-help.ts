/**
 * What `log`, `blame` and `trend --help` say of the size caps a report reads under (rows 966, 1107) and the
 * variable that lowers them (row 1073): one text for the three.
 */
export const SIZE_CAPS_HELP =
  'A commit of more than 16 MiB is not read, nor one whose message of more than 64 KiB comes after 64 MiB of such messages in the same walk (AI of an unknown model, said); ' +
  'AITRAIL_SIZE_CAPS_DIVISOR=<n> (1 to 65536) divides these, never raising them.';
