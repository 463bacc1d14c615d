/** The trailer key written and read as declared when `trailer.key` is not set (Linux kernel convention). */
export const DEFAULT_TRAILER_KEY = 'Assisted-by';
