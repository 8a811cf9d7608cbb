// Draws Kata's app icon, resources/icon.png (1024×1024 RGBA), with no image library:
// shapes are signed-distance functions, anti-aliased by their distance to the edge,
// and the PNG is assembled by hand with node:zlib. Run: node scripts/make-icon.mjs
// The same glyph as vector art is resources/icon.svg; keep the two in step.
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 1024;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.join(root, 'resources', 'icon.png');

// Geometry in icon pixels. macOS-style margin: the tile is 824 px inside 1024.
const TILE = { x: 100, y: 100, size: 824, radius: 184 };
const CHECK = [
  [318, 532],
  [450, 662],
  [712, 378],
];
const STROKE = 92;
const TOP = [58, 91, 219]; // indigo
const BOTTOM = [22, 163, 140]; // teal
const INK = [255, 255, 255];

/** Distance from (px, py) to a rounded square, negative inside. */
function roundedSquare(px, py) {
  const half = TILE.size / 2;
  const cx = TILE.x + half;
  const cy = TILE.y + half;
  const qx = Math.abs(px - cx) - (half - TILE.radius);
  const qy = Math.abs(py - cy) - (half - TILE.radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - TILE.radius;
}

/** Distance from (px, py) to the segment a–b (a capsule once the stroke is subtracted). */
function segment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Coverage 0..1 from a signed distance: a one-pixel linear ramp centred on the edge. */
const coverage = (distance) => Math.max(0, Math.min(1, 0.5 - distance));

function pixel(x, y) {
  const px = x + 0.5;
  const py = y + 0.5;
  const tile = coverage(roundedSquare(px, py));
  if (tile === 0) return [0, 0, 0, 0];
  // Diagonal gradient from top-left to bottom-right.
  const t = Math.max(0, Math.min(1, (px + py - 2 * TILE.x) / (2 * TILE.size)));
  let rgb = TOP.map((top, i) => top + (BOTTOM[i] - top) * t);
  const checkDistance = Math.min(segment(px, py, CHECK[0], CHECK[1]), segment(px, py, CHECK[1], CHECK[2]));
  const ink = coverage(checkDistance - STROKE / 2);
  rgb = rgb.map((channel, i) => channel + (INK[i] - channel) * ink);
  return [...rgb.map(Math.round), Math.round(tile * 255)];
}

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA rows as a PNG: each scanline is prefixed with filter type 0 (none). */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit depth, RGBA, deflate, no filter method, no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) rgba.set(pixel(x, y), (y * SIZE + x) * 4);
}
mkdirSync(path.dirname(output), { recursive: true });
writeFileSync(output, encodePng(SIZE, SIZE, rgba));
console.log(`make-icon: wrote ${path.relative(root, output)} (${SIZE}×${SIZE})`);
