// The npm package as a user gets it, shared by the tests that install it: `npm pack` wasm/pkg
// and install the tarball (with any other packages a test needs, such as a bundler) into an
// empty temporary folder.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const wasmDir = fileURLToPath(new URL("..", import.meta.url));
export const pkgDir = join(wasmDir, "pkg");

/** Runs a command and returns its standard output; throws (with stdout and stderr) if it fails. */
export function run(cmd, args, options = {}) {
  return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...options });
}

/**
 * Packs wasm/pkg into a new temporary folder `work` and installs the tarball, plus `extra`
 * package specs (`"name@exact-version"`), into its empty subfolder `app`. Returns
 * `{ work, app, packed, remove }`: `packed` is `npm pack --json`'s description of the tarball,
 * `remove()` deletes the folder.
 */
export function installPacked(prefix, extra = []) {
  for (const spec of extra) assert.match(spec, /^(@[^/]+\/)?[^@]+@\d+\.\d+\.\d+$/, `${spec}: pin an exact version`);
  assert.ok(existsSync(join(pkgDir, "septet_wasm_bg.wasm")), "run wasm/build.sh first");
  const work = mkdtempSync(join(tmpdir(), prefix));
  const app = join(work, "app");
  mkdirSync(app);
  const npmEnv = { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };
  const [packed] = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], { cwd: pkgDir, env: npmEnv }));
  // Exact versions only, so npm's cache (once filled) answers without asking the registry.
  run("npm", ["install", "--no-package-lock", "--ignore-scripts", "--prefer-offline", join(work, packed.filename), ...extra],
    { cwd: app, env: npmEnv });
  return { work, app, packed, remove: () => rmSync(work, { recursive: true, force: true }) };
}
