import { createRequire } from 'node:module';

// Tiny JPEG photos with chosen metadata, for tests and fixtures (the pixels are 2x2 white).
const require = createRequire(import.meta.url);
const jpeg = require('jpeg-js') as { encode(raw: { width: number; height: number; data: Buffer }, quality: number): { data: Buffer } };
const piexif = require('piexifjs') as {
  ImageIFD: Record<string, number>;
  GPSIFD: Record<string, number>;
  GPSHelper: { degToDmsRational(deg: number): number[][] };
  dump(exif: object): string;
  insert(exif: string, jpeg: string): string;
};

export interface PhotoOptions {
  gps?: { latitude: number; longitude: number };
  description?: string;
  artist?: string;
  /** Exif Orientation, 1 to 8 (6: a phone held upright). */
  orientation?: number;
}

export function makePhoto(options: PhotoOptions = {}): Buffer {
  const pixels = jpeg.encode({ width: 2, height: 2, data: Buffer.alloc(16, 255) }, 50).data;
  const zeroth: Record<number, string> = {};
  if (options.description) zeroth[piexif.ImageIFD.ImageDescription] = options.description;
  if (options.artist) zeroth[piexif.ImageIFD.Artist] = options.artist;
  if (options.orientation) (zeroth as Record<number, unknown>)[piexif.ImageIFD.Orientation] = options.orientation;
  const gps: Record<number, unknown> = {};
  if (options.gps) {
    const { latitude, longitude } = options.gps;
    gps[piexif.GPSIFD.GPSLatitudeRef] = latitude >= 0 ? 'N' : 'S';
    gps[piexif.GPSIFD.GPSLatitude] = piexif.GPSHelper.degToDmsRational(Math.abs(latitude));
    gps[piexif.GPSIFD.GPSLongitudeRef] = longitude >= 0 ? 'E' : 'W';
    gps[piexif.GPSIFD.GPSLongitude] = piexif.GPSHelper.degToDmsRational(Math.abs(longitude));
  }
  const withExif = piexif.insert(piexif.dump({ '0th': zeroth, GPS: gps }), `data:image/jpeg;base64,${pixels.toString('base64')}`);
  return Buffer.from(withExif.split(',')[1], 'base64');
}
