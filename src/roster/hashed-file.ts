import { z } from 'zod';

/** The format version a hashed roster is written with; older files are refused, to be made again. */
export const HASHED_ROSTER_VERSION = 2;

/**
 * The cost of one hash: scrypt's CPU and memory cost `N`, block size `r` and parallelism `p`.
 * Chosen so that a guesser with the file tests at most a few thousand names a second on one core,
 * while a check hashes each distinct candidate pair of a run once (measured in the README).
 */
export const DEFAULT_HASH_COST = { N: 256, r: 8, p: 1 } as const;

// Bounds on what a file may ask for, so that a hand-made file cannot make each hash of a check
// take seconds or more than 32 MB (scrypt needs 128 * N * r bytes).
const CostSchema = z
  .object({
    N: z.number().int().min(2).max(16_384).refine((n) => (n & (n - 1)) === 0, 'a power of two'),
    r: z.number().int().min(1).max(16),
    p: z.number().int().min(1).max(4),
  })
  .strict();

export const HashedRosterFileSchema = z
  .object({
    format: z.literal('safepost-roster-hash'),
    version: z.literal(HASHED_ROSTER_VERSION),
    /** What each entry is: a pupil's first and last names together, nothing shorter. */
    holds: z.literal('full-names'),
    algorithm: z.literal('scrypt'),
    cost: CostSchema,
    keyLength: z.number().int().min(16).max(64),
    salt: z.string().regex(/^[0-9a-f]{32,128}$/),
    entries: z.array(z.string()),
  })
  .strict();

export type HashedRosterFile = z.infer<typeof HashedRosterFileSchema>;
export type HashCost = z.infer<typeof CostSchema>;

/** Memory scrypt may use for a cost within the bounds above. */
export const SCRYPT_MAX_MEMORY = 64 * 1024 * 1024;
