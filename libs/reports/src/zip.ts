/**
 * Just enough of the zip format to vet an upload before a parser sees it: the central directory (names, sizes,
 * methods) and the streamed inflation of one entry. An .xlsx is a zip; a renamed .zip or a zip bomb is told apart
 * here by its entries and their declared sizes.
 */
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of a zip, or null when the bytes are not a (non-zip64) zip archive. */
export function zipEntries(buf: Buffer): ZipEntry[] | null {
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL) return null;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return null;
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    entries.push({
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** The entry's uncompressed bytes as a stream (stored or deflated entries only). */
export function entryStream(buf: Buffer, entry: ZipEntry): Readable {
  const at = entry.localOffset;
  if (buf.readUInt32LE(at) !== LOCAL) throw new Error(`zip: no local header for ${entry.name}`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = Readable.from([buf.subarray(start, start + entry.compressedSize)]);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new Error(`zip: unsupported compression ${entry.method} for ${entry.name}`);
  return data.pipe(createInflateRaw());
}
