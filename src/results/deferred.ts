import type { Channel } from '../rules/schema.js';
import type { FileResult, Finding, Summary } from './schema.js';

/** A result's findings counted as the summary counts them. */
export type FindingCounts = Pick<Summary, 'errors' | 'warnings' | 'infos' | 'suppressed'>;

/** What a result read back from the cache offers before its findings are made into objects. */
export interface ResultText {
  /** The result's JSON: the same text JSON.stringify gives for it. */
  json(): string;
  counts: FindingCounts;
}

// One accessor for every deferred result: a shared descriptor keeps them all of one shape.
const FINDINGS: PropertyDescriptor = {
  get(this: DeferredResult) {
    return this.takeFindings();
  },
  set(this: DeferredResult, value: Finding[]) {
    this.replaceFindings(value);
  },
  enumerable: true,
  configurable: true,
};

/**
 * A result whose findings are made into objects only when something asks for them. A cached run
 * over a whole site mostly writes results out again as they were: their JSON is then written
 * straight from what the cache holds, which takes a third of the time and leaves far less to
 * collect. The result looks and serializes as a plain one, key for key; its text is private (a
 * copy made with { ...result } never carries it), and once its findings have been handed out, and
 * so may have been changed, it is no longer used.
 */
class DeferredResult {
  #findings: Finding[] | undefined;
  #makeFindings: () => Finding[];
  #text: ResultText | undefined;

  constructor(path: string, channel: Channel, others: Partial<FileResult> | undefined, makeFindings: () => Finding[], text: ResultText) {
    this.#makeFindings = makeFindings;
    this.#text = text;
    const self = this as unknown as Record<string, unknown>;
    self.path = path;
    self.channel = channel;
    Object.defineProperty(this, 'findings', FINDINGS);
    if (others) Object.assign(this, others);
  }

  takeFindings(): Finding[] {
    this.#text = undefined;
    this.#findings ??= this.#makeFindings();
    return this.#findings;
  }

  replaceFindings(value: Finding[]): void {
    this.#text = undefined;
    this.#findings = value;
  }

  text(): ResultText | undefined {
    return this.#text;
  }

  /** Shown by console.log and util.inspect as the plain result it stands for. */
  [Symbol.for('nodejs.util.inspect.custom')](): FileResult {
    return { ...(this as unknown as FileResult) };
  }
}

/**
 * A result whose findings `makeFindings` makes when first asked for. `others` (error, errorLine,
 * note, positions) must be in a result's key order.
 */
export const deferredResult = (
  path: string,
  channel: Channel,
  others: Partial<FileResult> | undefined,
  makeFindings: () => Finding[],
  text: ResultText,
): FileResult => new DeferredResult(path, channel, others, makeFindings, text) as unknown as FileResult;

const textOf = (result: FileResult) => (result instanceof DeferredResult ? result.text() : undefined);

/** A deferred result's JSON, while its findings are as they were read; otherwise undefined. */
export const resultJson = (result: FileResult): string | undefined => textOf(result)?.json();

/** A deferred result's counts, while its findings are as they were read; otherwise undefined. */
export const resultCounts = (result: FileResult): FindingCounts | undefined => textOf(result)?.counts;
