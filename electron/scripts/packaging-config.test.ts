import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  engines: { node: string };
  build: Record<string, unknown> & { electronFuses: Record<string, boolean> };
};

/** The packages a folder's (non-test) TypeScript imports, by bare name. */
function importedPackages(folder: string): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.ts') || entry.endsWith('.test.ts') || entry.includes('testing')) continue;
    const source = readFileSync(join(root, folder, entry), 'utf8');
    for (const [, name] of source.matchAll(/^import (?!type )[^'"]*['"]([^'".][^'"]*)['"]/gm)) {
      const bare = name!.startsWith('@')
        ? name!.split('/').slice(0, 2).join('/')
        : name!.split('/')[0]!;
      if (!bare.startsWith('node:') && bare !== 'electron') found.add(bare);
    }
  }
  return found;
}

describe('the packaging configuration', () => {
  it('keeps the app id, which decides where Windows and macOS keep the app and its data', () => {
    expect(pkg.build['appId']).toBe('org.casefile.desktop');
    expect(pkg.build['productName']).toBe('Casefile');
    expect(pkg.build['asar']).toBe(true);
  });

  it('pins every Electron fuse', () => {
    expect(pkg.build.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds AppImage and deb, NSIS and dmg, and opens .casefile bundles', () => {
    expect(pkg.build['linux']).toMatchObject({ target: ['AppImage', 'deb'] });
    expect(pkg.build['win']).toMatchObject({ target: ['nsis'] });
    expect(pkg.build['mac']).toMatchObject({ target: ['dmg'] });
    expect(pkg.build['fileAssociations']).toEqual([
      expect.objectContaining({ ext: 'casefile', name: 'Casefile bundle' }),
    ]);
    expect(pkg.build['icon']).toBe('resources/icons/icon.png');
    expect(pkg.devDependencies['electron-builder']).toBe('26.17.0');
  });

  it('ships as runtime dependencies only what the main process needs', () => {
    // electron-vite keeps exactly `dependencies` outside the main bundle; everything else (the
    // renderer's libraries, hash-wasm) is bundled, so a renderer library here only adds weight.
    const mainImports = new Set([
      ...importedPackages('electron/main'),
      ...importedPackages('shared'),
    ]);
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['fflate', 'zod']);
    for (const name of Object.keys(pkg.dependencies)) expect(mainImports).toContain(name);
  });

  it("asks for the Node that Electron's installer declares", () => {
    const getPkg = JSON.parse(
      readFileSync(join(root, 'node_modules/@electron/get/package.json'), 'utf8'),
    ) as { engines: { node: string } };
    expect(getPkg.engines.node).toBe('>=22.12.0');
    expect(pkg.engines.node).toBe('>=22.12');
  });
});
