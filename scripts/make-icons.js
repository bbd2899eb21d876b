/**
 * Draws the Loyalty Lens icon (a lens over a heart on a teal tile) at every size
 * the manifest names and writes assets/icon-<size>.png. Run once after changing the
 * design: `node scripts/make-icons.js`. Plain zlib PNG encoding, no dependencies.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128];
const TILE = [14, 110, 110];
const WHITE = [255, 255, 255];
const HEART = [255, 196, 84];

function crc32(buf) {
  let c;
  const table = [];
  for (let n = 0; n < 256; n++) {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Colour of a point in the unit square, or null for transparent. */
function shade(x, y) {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  // Lens ring centred at (0.43, 0.43).
  const d = Math.hypot(x - 0.43, y - 0.43);
  if (d > 0.2 && d < 0.285) return WHITE;
  // Handle from the ring towards the lower right.
  const t = ((x - 0.63) + (y - 0.63)) / 2;
  const off = Math.abs((x - 0.63) - (y - 0.63)) / Math.SQRT2;
  if (t > -0.02 && t < 0.17 && off < 0.06) return WHITE;
  // Heart inside the lens: two circles and a triangle.
  const hx = (x - 0.43) / 0.13;
  const hy = (y - 0.45) / 0.13;
  const lobes = (hx + 0.5) ** 2 + (hy + 0.25) ** 2 < 0.3 || (hx - 0.5) ** 2 + (hy + 0.25) ** 2 < 0.3;
  const point = hy >= -0.25 && hy < 1 && Math.abs(hx) < 1.05 * (1 - (hy + 0.25) / 1.25);
  if (lobes || point) return HEART;
  return TILE;
}

function draw(size) {
  const ss = 6;
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
      out[i + 3] = Math.round((255 * a) / (ss * ss));
    }
  }
  return png(size, out);
}

const dir = path.join(__dirname, "..", "assets");
fs.mkdirSync(dir, { recursive: true });
for (const size of SIZES) fs.writeFileSync(path.join(dir, `icon-${size}.png`), draw(size));
process.stdout.write(`wrote ${SIZES.length} icons to assets/\n`);
