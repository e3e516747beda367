/**
 * Draws Casefile's one source icon, resources/icons/icon.png (1024×1024): a blue rounded square
 * with a white case folder. electron-builder derives every platform's icon from it (the .icns for
 * macOS, the .ico for Windows, the PNG sizes for Linux), so this is the only image to change.
 * Drawn in code, without an image library, so that it can be redrawn on any machine:
 * `node electron/scripts/make-icon.mjs`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 1024;
const target = fileURLToPath(new URL('../../resources/icons/icon.png', import.meta.url));

const inRoundedRect = (x, y, left, top, right, bottom, radius) => {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
};

const BLUE = [28, 78, 216];
const WHITE = [255, 255, 255];
const PALE = [219, 230, 254];

/** The colour at a point, or undefined for transparent. */
function paint(x, y) {
  if (!inRoundedRect(x, y, 40, 40, 984, 984, 200)) return undefined;
  // The folder's tab, then its body, then two lines of "text" on the body.
  const tab = inRoundedRect(x, y, 232, 280, 520, 460, 36);
  const body = inRoundedRect(x, y, 232, 340, 792, 760, 48);
  if (body) {
    const line = (top) => inRoundedRect(x, y, 312, top, 712, top + 40, 20);
    return line(480) || line(576) || inRoundedRect(x, y, 312, 672, 560, 712, 20) ? PALE : WHITE;
  }
  return tab ? WHITE : BLUE;
}

const SAMPLES = 4;
const rows = [];
for (let y = 0; y < SIZE; y++) {
  const row = Buffer.alloc(1 + SIZE * 4);
  for (let x = 0; x < SIZE; x++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const colour = paint(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        if (!colour) continue;
        r += colour[0];
        g += colour[1];
        b += colour[2];
        a += 1;
      }
    }
    const at = 1 + x * 4;
    if (a > 0) {
      row[at] = Math.round(r / a);
      row[at + 1] = Math.round(g / a);
      row[at + 2] = Math.round(b / a);
      row[at + 3] = Math.round((a / SAMPLES ** 2) * 255);
    }
  }
  rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, png);
console.info(`Wrote ${target} (${SIZE}×${SIZE}, ${png.length} bytes)`);
