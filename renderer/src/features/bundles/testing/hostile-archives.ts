/**
 * Named hostile archives for the property test (bundle-property.test.ts) and the bench: each one
 * is built from a valid bundle's entries and stays inside the app's own limits where it can, so
 * it reaches the check it is meant to reach. Every one must either import completely or be
 * refused with a message, leaving the database as it was.
 */
import { createHash } from 'node:crypto';
import { rawEntry, rawZip, type RawEntry } from '../../../../../shared/archive/testing/raw-zip';
import { pack, readJson, resign, writeJson, type Entries } from './tamper';

const encoder = new TextEncoder();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const NOTES = 'records/notes.ndjson';

/** Lists every entry the zip holds in the manifest, with its real size and checksum. */
function signAll(entries: Entries): void {
  const manifest = readJson(entries, 'manifest.json');
  manifest.entries = Object.keys(entries)
    .filter((name) => name !== 'manifest.json' && name !== 'checksums.sha256')
    .map((path) => ({ path, size: entries[path]!.byteLength, sha256: sha256(entries[path]!) }));
  writeJson(entries, 'manifest.json', manifest);
}

function copy(entries: Entries): Entries {
  return Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, bytes.slice()]));
}

function rawOf(entries: Entries): RawEntry[] {
  return Object.entries(entries).map(([name, bytes]) => rawEntry(name, bytes));
}

function renamed(entries: Entries, from: string, to: string): Entries {
  const out = copy(entries);
  out[to] = out[from]!;
  delete out[from];
  const manifest = readJson(out, 'manifest.json');
  for (const entry of manifest.entries) if (entry.path === from) entry.path = to;
  writeJson(out, 'manifest.json', manifest);
  return out;
}

function prependToNotes(entries: Entries, prefix: Uint8Array): Entries {
  const out = copy(entries);
  const notes = out[NOTES]!;
  const joined = new Uint8Array(prefix.byteLength + notes.byteLength);
  joined.set(prefix);
  joined.set(notes, prefix.byteLength);
  out[NOTES] = joined;
  resign(out);
  return out;
}

function editNotes(entries: Entries, edit: (line: string, index: number) => string): Entries {
  const out = copy(entries);
  const lines = new TextDecoder().decode(out[NOTES]).split('\n').filter(Boolean);
  out[NOTES] = encoder.encode(lines.map((line, index) => `${edit(line, index)}\n`).join(''));
  resign(out);
  return out;
}

export type HostileContext = {
  /** A valid bundle, taken apart. */
  bundle: Entries;
  /** A valid backup of a whole database. */
  backup: Blob;
  /** Ids of records already in the database the archive is offered to. */
  existingIds: string[];
  /** How many blank lines the newline bomb puts before the notes (500,000,000 in the bench). */
  newlines?: number;
};

export type HostileCase = {
  name: string;
  build: (context: HostileContext) => Blob;
};

export const hostileCases: HostileCase[] = [
  {
    name: 'a symbolic link entry',
    build: ({ bundle }) => {
      const raw = rawOf(bundle);
      raw.find((entry) => entry.name.startsWith('files/'))!.symlink = true;
      return rawZip(raw);
    },
  },
  {
    name: 'the same entry name twice',
    build: ({ bundle }) => {
      const raw = rawOf(bundle);
      return rawZip([...raw, rawEntry(NOTES, encoder.encode('{}\n'))]);
    },
  },
  {
    name: 'a backslash in a path',
    build: ({ bundle }) => pack(renamed(bundle, NOTES, 'records\\notes.ndjson')),
  },
  {
    name: 'an absolute path',
    build: ({ bundle }) => rawZip(rawOf(renamed(bundle, NOTES, `/${NOTES}`))),
  },
  {
    name: 'a NUL in a name',
    build: ({ bundle }) => rawZip(rawOf(renamed(bundle, NOTES, `${NOTES}\u0000.txt`))),
  },
  {
    name: '50,000 entries',
    build: ({ bundle }) => {
      const out = copy(bundle);
      for (let i = 0; i < 50_000; i += 1) {
        const bytes = encoder.encode(`filler ${i}`);
        out[`files/${sha256(bytes)}`] = bytes;
      }
      signAll(out);
      return rawZip(rawOf(out));
    },
  },
  {
    name: '__proto__ and constructor keys in the manifest',
    build: ({ bundle }) => {
      const out = copy(bundle);
      const text = new TextDecoder()
        .decode(out['manifest.json'])
        .replace(
          /^\{/,
          '{"__proto__":{"formatVersion":1,"polluted":true},"constructor":{"prototype":{"polluted":true}},',
        )
        .replace('"counts":{', '"counts":{"__proto__":{"polluted":1},"constructor":3,');
      out['manifest.json'] = encoder.encode(text);
      return pack(out);
    },
  },
  {
    name: '__proto__ and constructor keys in records',
    build: ({ bundle }) =>
      pack(
        editNotes(bundle, (line) =>
          line.replace(
            /^\{/,
            '{"__proto__":{"polluted":true,"privilege":"none"},"constructor":{"prototype":{"polluted":true}},',
          ),
        ),
      ),
  },
  {
    name: 'a 50 MB single string',
    build: ({ bundle }) => {
      const out = editNotes(bundle, (line, index) => {
        if (index > 0) return line;
        const row = JSON.parse(line) as Record<string, unknown>;
        row.body = 'x'.repeat(50 * 1024 * 1024);
        return JSON.stringify(row);
      });
      // Stored rather than deflated (a reader accepts both): only the reading is under test.
      return rawZip(
        Object.entries(out).map(([name, bytes]) => rawEntry(name, bytes, name === NOTES ? 0 : 8)),
      );
    },
  },
  {
    name: 'ids that collide with records already on file',
    build: ({ bundle, existingIds }) => {
      const out = copy(bundle);
      const text = (name: string) => new TextDecoder().decode(out[name]);
      const ids = new Set<string>();
      for (const name of Object.keys(out).filter((n) => n.startsWith('records/'))) {
        for (const match of text(name).matchAll(/"id":"([^"]+)"/g)) ids.add(match[1]!);
      }
      const replacements = new Map(
        [...ids].map((id, i) => [id, existingIds[i % existingIds.length]!]),
      );
      for (const name of Object.keys(out).filter((n) => n.startsWith('records/'))) {
        let value = text(name);
        for (const [from, to] of replacements) value = value.split(from).join(to);
        out[name] = encoder.encode(value);
      }
      const manifest = readJson(out, 'manifest.json');
      const disputeId = manifest.disputeId as string;
      manifest.disputeId = replacements.get(disputeId) ?? disputeId;
      writeJson(out, 'manifest.json', manifest);
      resign(out);
      return pack(out);
    },
  },
  // Each kind offered as the other: a whole backup to “Import case bundle…” and a valid bundle to
  // restore (which the property test also sends to import, where it must import whole).
  { name: 'a backup offered as a bundle', build: ({ backup }) => backup },
  { name: 'a bundle offered as a backup', build: ({ bundle }) => pack(copy(bundle)) },
  {
    name: 'a newline bomb before the notes',
    build: ({ bundle, newlines = 2_000_000 }) =>
      pack(prependToNotes(bundle, new Uint8Array(newlines).fill(10))),
  },
  {
    name: 'a zip bomb lying about its size',
    build: ({ bundle }) => {
      const raw = rawOf(bundle);
      const notes = raw.find((entry) => entry.name === NOTES)!;
      const bomb = rawEntry(NOTES, new Uint8Array(16 * 1024 * 1024).fill(10));
      // Declares the real notes' size, as the manifest does: only inflating shows the lie.
      Object.assign(notes, { stored: bomb.stored, size: notes.size });
      return rawZip(raw);
    },
  },
  {
    name: 'a 5,000-character entry name',
    build: ({ bundle }) => {
      const out = copy(bundle);
      out[`records/${'n'.repeat(5000)}.ndjson`] = encoder.encode('{}\n');
      return pack(out);
    },
  },
];
