import * as zlib from 'node:zlib';

// zlib's own from Node 20.15; before it, the same sum bit by bit (a PNG chunk here is 26 bytes).
const crc32: (data: Uint8Array) => number =
  (zlib as { crc32?: (data: Uint8Array) => number }).crc32 ??
  ((data) => {
    let crc = 0xffffffff;
    for (const byte of data) {
      crc ^= byte;
      for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
    }
    return (crc ^ 0xffffffff) >>> 0;
  });

/**
 * Copies of photos without their metadata (GPS position, captions, names, camera details), made
 * by leaving out the parts of the file that hold it: the pixels are copied byte for byte, never
 * decoded or re-encoded, so the picture does not change. The one Exif field kept is Orientation,
 * without which a portrait photo taken on a phone shows on its side.
 */

// JPEG: APP1 (Exif, XMP), APP12 (Ducky), APP13 (IPTC, Photoshop) and comments go; JFIF, the
// colour profile (APP2) and Adobe's colour marker (APP14) stay, as the picture's colours need them.
const JPEG_DROPPED = new Set([0xe1, 0xec, 0xed, 0xfe]);
// PNG: text chunks, Exif and the modification time go.
const PNG_DROPPED = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export class UnsupportedPhotoError extends Error {}

const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');
const ORIENTATION_TAG = 0x0112;

/** The Orientation (1 to 8) in IFD0 of Exif's TIFF structure, if it is there and sound. */
export function orientationOf(tiff: Uint8Array): number | undefined {
  if (tiff.length < 8) return undefined;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const order = String.fromCharCode(tiff[0], tiff[1]);
  if (order !== 'II' && order !== 'MM') return undefined;
  const little = order === 'II';
  if (view.getUint16(2, little) !== 42) return undefined;
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > tiff.length) return undefined;
  const count = view.getUint16(ifd, little);
  for (let k = 0; k < count; k++) {
    const entry = ifd + 2 + 12 * k;
    if (entry + 12 > tiff.length) return undefined;
    // A SHORT, held in the entry itself.
    if (view.getUint16(entry, little) === ORIENTATION_TAG && view.getUint16(entry + 2, little) === 3) {
      const value = view.getUint16(entry + 8, little);
      return value >= 1 && value <= 8 ? value : undefined;
    }
  }
  return undefined;
}

/** A TIFF structure of one field, the Orientation, as Exif holds it. */
function orientationOnly(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8);
  tiff.writeUInt16BE(ORIENTATION_TAG, 10);
  tiff.writeUInt16BE(3, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  // The next IFD's offset (none) is the last four bytes, already zero.
  return tiff;
}

function stripJpeg(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) throw new UnsupportedPhotoError('the JPEG file is damaged');
    const marker = bytes[i + 1];
    if (marker === 0xff) {
      i++;
      continue;
    }
    // Start of scan: the compressed picture follows, to the end of the file.
    if (marker === 0xda) {
      parts.push(bytes.subarray(i));
      break;
    }
    const length = (bytes[i + 2] << 8) | bytes[i + 3];
    if (length < 2 || i + 2 + length > bytes.length) throw new UnsupportedPhotoError('the JPEG file is damaged');
    const segment = bytes.subarray(i, i + 2 + length);
    if (!JPEG_DROPPED.has(marker)) parts.push(segment);
    else if (marker === 0xe1 && EXIF_HEADER.equals(segment.subarray(4, 10))) {
      const orientation = orientationOf(segment.subarray(10));
      if (orientation !== undefined) {
        const tiff = orientationOnly(orientation);
        const app1 = Buffer.alloc(4);
        app1.writeUInt16BE(0xffe1, 0);
        app1.writeUInt16BE(2 + EXIF_HEADER.length + tiff.length, 2);
        parts.push(app1, EXIF_HEADER, tiff);
      }
    }
    i += 2 + length;
  }
  return Buffer.concat(parts);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function stripPng(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = 8;
  while (i + 12 <= bytes.length) {
    const length = view.getUint32(i);
    const type = String.fromCharCode(...bytes.subarray(i + 4, i + 8));
    const end = i + 12 + length;
    if (end > bytes.length) throw new UnsupportedPhotoError('the PNG file is damaged');
    if (!PNG_DROPPED.has(type)) parts.push(bytes.subarray(i, end));
    else if (type === 'eXIf') {
      const orientation = orientationOf(bytes.subarray(i + 8, i + 8 + length));
      if (orientation !== undefined) parts.push(pngChunk('eXIf', orientationOnly(orientation)));
    }
    i = end;
    if (type === 'IEND') break;
  }
  return Buffer.concat(parts);
}

/** The photo without its metadata; JPEG and PNG only. */
export function stripPhotoMetadata(bytes: Uint8Array): Uint8Array {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return stripJpeg(bytes);
  if (PNG_SIGNATURE.every((b, k) => bytes[k] === b)) return stripPng(bytes);
  throw new UnsupportedPhotoError('only JPEG and PNG photos can be cleaned; export it as JPEG first');
}
