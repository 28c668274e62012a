import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { stripPhotoMetadata } from '../../src/redact/strip-photo.js';

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
