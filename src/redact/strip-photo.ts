/**
 * Copies of photos without their metadata (GPS position, captions, names, camera details), made
 * by leaving out the parts of the file that hold it: the pixels are copied byte for byte, never
 * decoded or re-encoded, so the picture does not change.
 */

// JPEG: APP1 (Exif, XMP), APP12 (Ducky), APP13 (IPTC, Photoshop) and comments go; JFIF, the
// colour profile (APP2) and Adobe's colour marker (APP14) stay, as the picture's colours need them.
const JPEG_DROPPED = new Set([0xe1, 0xec, 0xed, 0xfe]);
// PNG: text chunks, Exif and the modification time go.
const PNG_DROPPED = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export class UnsupportedPhotoError extends Error {}

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
    if (!JPEG_DROPPED.has(marker)) parts.push(bytes.subarray(i, i + 2 + length));
    i += 2 + length;
  }
  return Buffer.concat(parts);
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
