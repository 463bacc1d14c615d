/**
 * How `git grep -E` finds, in a committed `.env`, an assignment of a variable the agents' dotenv
 * readers would load: what stands before the name and between it and its `=`/`:`. Node's dotenv
 * (Gemini CLI, Qwen Code) takes JavaScript's `\s` as blank and python-dotenv (aider) Python's: a
 * no-break space, a byte-order mark, an ideographic space and the like, which `[[:space:]]` is
 * not (glibc, any locale); and both end a line at a lone carriage return, where `git grep`'s `^`
 * sees none. So the name counts wherever no name character (`[[:alnum:]_.-]`) is right before it,
 * and whatever is not a name character may stand between it and its `=` or `:`: a line git grep
 * reads as one may hold several of the readers', and a mention that is no assignment to them (a
 * comment `# AITRAIL: …`) counts too, on the safe side.
 */
export const ENV_ASSIGN_START = '(^|[^[:alnum:]_.-])';
/** After the name: its closing quote, blanks of any kind, then `=` or `:` (see ENV_ASSIGN_START). */
export const ENV_ASSIGN_SEPARATOR = '[^[:alnum:]_.=:-]*[=:]';
/**
 * The same, or the name last on its line with only such characters after it: Node's dotenv takes
 * `\s*` between a name and its `=`, a line feed included, so `AITRAIL` / `=0` on two lines loads
 * AITRAIL=0 (dotenv 17; python-dotenv reads no value there), where git grep reads line by line. The
 * shims' reading (planted-env.ts), which asks only whether a name is set; a mention that ends a line
 * counts too, on the safe side.
 */
export const ENV_ASSIGN_SEPARATOR_OR_END = '[^[:alnum:]_.=:-]*([=:]|$)';
