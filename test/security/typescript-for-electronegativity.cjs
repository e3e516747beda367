/**
 * Used by audit-electron.mjs only. npm hoists electronegativity's parser,
 * @typescript-eslint/typescript-estree 4, to the top of node_modules, where `typescript` is the
 * project's TypeScript 7: a native compiler with no JavaScript API, so the parser crashes on load.
 * electronegativity ships the TypeScript 4.2 that parser was written for; this points every
 * `require('typescript')` in the audit's process there. Node offers no public hook for CommonJS
 * resolution in Node 20, hence Module._resolveFilename.
 */
const Module = require('node:module');
const path = require('node:path');

/** Answers whether the redirect is in place (false when electronegativity has no own copy). */
function useElectronegativityTypeScript() {
  let ownTypeScript;
  try {
    const scanner = require.resolve('@doyensec/electronegativity/package.json');
    ownTypeScript = require.resolve('typescript', { paths: [path.dirname(scanner)] });
  } catch {
    return false;
  }
  // oxlint-disable-next-line no-underscore-dangle -- Node's own name for the resolver.
  const resolveFilename = Module._resolveFilename;
  // oxlint-disable-next-line no-underscore-dangle -- Node's own name for the resolver.
  Module._resolveFilename = function resolveTypeScript(request, ...rest) {
    return request === 'typescript' ? ownTypeScript : resolveFilename.call(this, request, ...rest);
  };
  return true;
}

module.exports = { useElectronegativityTypeScript };
