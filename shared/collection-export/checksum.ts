/**
 * The export's checksum: 64-bit FNV-1a (two 32-bit lanes with different offsets, as hashText)
 * over every record line and its newline, computed line by line as the file streams. It catches
 * a damaged or edited file, not a deliberate forgery: an export is the person's own data.
 */
import { hash32 } from '../hash';

const LANE_A = 0x811c9dc5;
const LANE_B = 0x050c5d1f;

export interface RunningChecksum {
  add(line: string): void;
  /** 16 hex digits. */
  digest(): string;
}

export function createChecksum(): RunningChecksum {
  let a = LANE_A;
  let b = LANE_B;
  return {
    add(line) {
      // FNV-1a's state is its hash: chaining lines equals hashing their concatenation.
      a = hash32('\n', hash32(line, a));
      b = hash32('\n', hash32(line, b));
    },
    digest: () => a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0'),
  };
}
