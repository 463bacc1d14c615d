/**
 * Package-manager lockfiles: written by a tool from a manifest, not authored line by line, and
 * often larger than the code itself (a 12,000-line `package-lock.json` would dwarf the report).
 * Matched by exact file name at any depth. Changing this list changes `blame` reports: it is part
 * of the blame cache key.
 */
export const LOCKFILE_NAMES: readonly string[] = [
  // JavaScript / TypeScript
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lock',
  'bun.lockb',
  'deno.lock',
  // Rust, Go
  'Cargo.lock',
  'go.sum',
  'go.work.sum',
  'Gopkg.lock',
  'glide.lock',
  // Python
  'poetry.lock',
  'Pipfile.lock',
  'uv.lock',
  'pdm.lock',
  'pylock.toml',
  'pixi.lock',
  'conda-lock.yml',
  // Ruby, PHP, Elixir/Erlang, Dart, Swift/Objective-C
  'Gemfile.lock',
  'gems.locked',
  'composer.lock',
  'mix.lock',
  'rebar.lock',
  'pubspec.lock',
  'Podfile.lock',
  'Package.resolved',
  'Cartfile.resolved',
  // JVM, .NET
  'gradle.lockfile',
  'buildscript-gradle.lockfile',
  'packages.lock.json',
  'paket.lock',
  // Nix, Haskell, Crystal, R, C/C++, Bazel, Terraform
  'flake.lock',
  'cabal.project.freeze',
  'stack.yaml.lock',
  'shard.lock',
  'renv.lock',
  'conan.lock',
  'MODULE.bazel.lock',
  '.terraform.lock.hcl',
];

const NAMES = new Set(LOCKFILE_NAMES);

/** True when the file's name (at any depth) is a known lockfile name. */
export function isLockfile(path: string): boolean {
  return NAMES.has(path.slice(path.lastIndexOf('/') + 1));
}
