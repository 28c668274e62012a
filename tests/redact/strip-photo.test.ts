import { crc32, deflateSync } from 'node:zlib';
import exifr from 'exifr';
import { describe, expect, it } from 'vitest';
import { orientationOf, stripPhotoMetadata } from '../../src/redact/strip-photo.js';
import { makePhoto } from '../helpers/photos.js';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  // The CRC is not checked by the stripper; a fixed one keeps the test short.
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
}

describe('stripPhotoMetadata', () => {
  it('drops a PNG\'s text, Exif and time chunks and keeps the picture\'s chunks in order', () => {
    const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const header = chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]));
    const pixels = chunk('IDAT', deflateSync(Buffer.from([0, 0])));
    const end = chunk('IEND', Buffer.alloc(0));
    const png = Buffer.concat([signature, header, chunk('tEXt', Buffer.from('Author\0Jack Smith')), chunk('eXIf', Buffer.from('MM')), pixels, chunk('tIME', Buffer.alloc(7)), end]);
    expect(Buffer.from(stripPhotoMetadata(png))).toEqual(Buffer.concat([signature, header, pixels, end]));
  });

  it('refuses a damaged JPEG and a format it cannot clean, saying what to do', () => {
    expect(() => stripPhotoMetadata(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]))).toThrow('the JPEG file is damaged');
    expect(() => stripPhotoMetadata(Buffer.from('GIF89a'))).toThrow('only JPEG and PNG photos can be cleaned; export it as JPEG first');
  });
});

describe('the Orientation kept when a photo is cleaned', () => {
  it('keeps a JPEG\'s Orientation, and only that, so a portrait photo still shows upright', async () => {
    const photo = makePhoto({ gps: { latitude: 52.6, longitude: -1.2 }, artist: 'Jack Smith', orientation: 6 });
    const clean = Buffer.from(stripPhotoMetadata(photo));
    expect(await exifr.orientation(clean)).toBe(6);
    const all = await exifr.parse(clean, { tiff: true, gps: true, xmp: true, iptc: true, mergeOutput: true });
    expect(all).toEqual({ Orientation: 'Rotate 90 CW' });
    expect(clean.includes(Buffer.from('Jack Smith'))).toBe(false);
    // Pixels untouched: the same bytes from the start of the scan to the end.
    const scan = (b: Buffer) => b.subarray(b.indexOf(Buffer.from([0xff, 0xda])));
    expect(scan(clean).equals(scan(photo))).toBe(true);
  });

  it('writes no Exif at all for a JPEG that had no Orientation', async () => {
    const clean = Buffer.from(stripPhotoMetadata(makePhoto({ gps: { latitude: 52.6, longitude: -1.2 } })));
    expect(clean.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
    expect(await exifr.orientation(clean)).toBeUndefined();
  });

  it('keeps a PNG\'s Orientation in a new eXIf chunk with a sound CRC', () => {
    const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const header = chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]));
    const end = chunk('IEND', Buffer.alloc(0));
    // Little-endian TIFF: IFD0 with Artist (ASCII, elsewhere) and Orientation 8.
    const tiff = Buffer.alloc(8 + 2 + 24 + 4 + 11);
    tiff.write('II', 0, 'latin1');
    tiff.writeUInt16LE(42, 2);
    tiff.writeUInt32LE(8, 4);
    tiff.writeUInt16LE(2, 8);
    tiff.writeUInt16LE(0x013b, 10);
    tiff.writeUInt16LE(2, 12);
    tiff.writeUInt32LE(11, 14);
    tiff.writeUInt32LE(38, 18);
    tiff.writeUInt16LE(0x0112, 22);
    tiff.writeUInt16LE(3, 24);
    tiff.writeUInt32LE(1, 26);
    tiff.writeUInt16LE(8, 30);
    tiff.write('Jack Smith\0', 38, 'latin1');
    const clean = Buffer.from(stripPhotoMetadata(Buffer.concat([signature, header, chunk('eXIf', tiff), end])));
    expect(clean.includes(Buffer.from('Jack Smith'))).toBe(false);
    const at = clean.indexOf(Buffer.from('eXIf', 'latin1'));
    const length = clean.readUInt32BE(at - 4);
    const data = clean.subarray(at + 4, at + 4 + length);
    expect(orientationOf(data)).toBe(8);
    expect(clean.readUInt32BE(at + 4 + length)).toBe(crc32(clean.subarray(at, at + 4 + length)));
  });

  it('reads no Orientation from a damaged or foreign structure', () => {
    expect(orientationOf(Buffer.from('XX*\0'))).toBeUndefined();
    expect(orientationOf(Buffer.from([0x4d, 0x4d, 0, 42, 0, 0, 0xff, 0xff]))).toBeUndefined();
  });
});
