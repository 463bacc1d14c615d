import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Session 50 (c), the speed of an AI commit's hooks (issue 12 item 2): V8 parses a regular
// expression when it is made, and a `\p{…}` class is read through ICU then (~0.1-0.35 ms of CPU
// each, the first one the most), not when it first runs. A module-level literal is made when its
// module loads: in a hook's bundle, on every run, though no usual hook run uses it (sanitize's
// escaping set, the config's unseen-character check). They are made on first use now
// (src/core/sanitize.ts unsafeChars, src/config/check-unseen-text.ts unseen and emoji).

const bundleDir = fileURLToPath(new URL('../../dist/bundle/', import.meta.url));

/**
 * The regular expressions of `file` (literals, and RegExp() of a string) made when the bundle loads: at its top level, or in the
 * body of a module's init function (esbuild's `var x = init(() => { … })` for an ES module,
 * `var x = wrap((exports, module) => { … })` for a CommonJS one, each run when the module is first
 * needed, which in a hook's bundle is at load), not inside any other function.
 */
function loadTimeRegExps(file: string): string[] {
  // Parsed without parent links and walked with the enclosing function's kind carried down (session 56 k:
  // half the CPU of the parents' pass over ~8 MB of bundles); a function that is not an init function is
  // not entered, since nothing inside it is made at load.
  const source = ts.createSourceFile(file, readFileSync(file, 'latin1'), ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const found: string[] = [];
  const isFunction = (node: ts.Node): node is ts.ArrowFunction | ts.FunctionExpression => ts.isArrowFunction(node) || ts.isFunctionExpression(node);
  /** `top`: no enclosing function; `init`: directly in a module's init function. */
  const visit = (node: ts.Node, where: 'top' | 'init'): void => {
    if (ts.isFunctionLike(node)) return;
    // A literal, or `new RegExp("…")` / `RegExp("…")` of a string (esbuild writes some literals so).
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) found.push(node.getText(source));
    else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText(source) === 'RegExp' && node.arguments?.[0] !== undefined && ts.isStringLiteral(node.arguments[0])) {
      found.push(`RegExp(${JSON.stringify(node.arguments[0].text)})`);
    }
    // `var x = init(() => { … })` / `var x = wrap((exports, module) => { … })` outside any function: its function arguments are run at load.
    if (where === 'top' && ts.isVariableDeclaration(node) && node.initializer !== undefined && ts.isCallExpression(node.initializer)) {
      const call = node.initializer;
      ts.forEachChild(node, (child) => {
        if (child !== call) visit(child, where);
      });
      visit(call.expression, where);
      for (const argument of call.arguments) {
        if (isFunction(argument)) ts.forEachChild(argument, (child) => visit(child, 'init'));
        else visit(argument, where);
      }
      return;
    }
    ts.forEachChild(node, (child) => visit(child, where));
  };
  visit(source, 'top');
  return found;
}

const hookBundles = readdirSync(bundleDir).filter((name) => name.endsWith('.cjs') && name !== 'cli.cjs' && name !== 'loader.cjs');

describe('a hook bundle makes no Unicode-property expression when it loads (session 50 c: speed only, nothing read differently)', () => {
  it('lists the bundles of the hooks and checkpoint', () => {
    expect(hookBundles).toEqual(expect.arrayContaining(['prepare-commit-msg.cjs', 'commit-msg.cjs', 'post-commit.cjs', 'pre-push.cjs', 'checkpoint.cjs']));
  });

  it.each(hookBundles)('%s: no \\p{…} literal is made at load', (name) => {
    const made = loadTimeRegExps(`${bundleDir}${name}`);
    // The walk finds what a load makes: sanitize's runner-command opener is one (cheap, no \p); a message hook's rare
    // file (row 1139) takes sanitize from the hook's own file.
    if (name !== 'checkpoint.cjs' && name !== 'post-applypatch.cjs' && !name.endsWith('.rare.cjs')) expect(made).toContain('/(##(?:vso)?)\\[/gi');
    expect(made.filter((literal) => /\\[pP]\{/.test(literal))).toEqual([]);
  });
});
