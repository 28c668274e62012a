import { accessSync, appendFileSync, constants, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { deferredResult } from '../results/deferred.js';
import type { FileResult } from '../results/schema.js';
import type { Clause } from '../rules/schema.js';
import { SafepostError } from '../errors.js';
import { sha256 } from '../fs/hash.js';
import { machineKey, open, openText, photoKey, seal, sealText } from './seal.js';
import { shownPath } from '../fs/shown-path.js';

/** 132 bits of SHA-256: enough to tell contents and paths apart, in half the room. */
const shortHash = (data: string | Uint8Array) => sha256(data).slice(0, 22);

type Finding = FileResult['findings'][number];

/**
 * A finding as the cache keeps it: the texts that repeat from finding to finding are indexes into
 * the file's `strings`, and the fields every finding has are an array rather than an object.
 * [ruleId, category, severity, message, clause, line, column, endLine, endColumn, suggestion, rest?]
 */
type PackedFinding = [number, number, number, number, number, number, number, number, number, number, Partial<Finding>?];

/** A result's other fields, its error and note as indexes into `strings`. */
type PackedRest = { error?: number; note?: number } & Partial<Pick<FileResult, 'errorLine' | 'positions'>>;

/** [channel, findings, the rest of the result (error, note, ...) when there is any] */
type PackedResult = [number, PackedFinding[], PackedRest?];

/** What tells cheaply that a file is unchanged: its size, modification and change times. */
type FileStamp = [size: number, mtimeMs: number, ctimeMs: number];


interface CacheEntry {
  /** Hash of the draft's content. */
  c: string;
  /** The draft's stamp when its content had that hash. */
  s: FileStamp;
  /**
   * The draft's photos and their stamps, encrypted with a key made from the draft's own content:
   * only someone who has the draft can read which files it names (their names can hold a child's).
   */
  i?: string;
  r: PackedResult;
}

/**
 * JSON with every character beyond ASCII escaped (\uXXXX), so that the file can be read a byte a
 * character: several times faster than decoding UTF-8, on a file of megabytes.
 */
function asciiJson(value: unknown): string {
  const json = JSON.stringify(value);
  return /[^\x00-\x7f]/.test(json) ? json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

/**
 * The cache file is JSON lines, in ASCII, so that a run which changed a few drafts appends a few lines
 * instead of writing every entry again:
 *   {"format":"safepost-cache","version":5,"fingerprint":…,"savedAt":…}   what it is for, and when
 *   ["s", text, …]           texts added to `strings` (their indexes follow on)
 *   ["e", key, entry]        a draft's entry, by a hash of its path (the file holds no file name)
 *   ["p", sealed]            photo lists, a line "key<tab>JSON" each, squeezed and sealed with the machine's key
 *   ["t", savedAt]           when lines were last added
 * A later line wins over an earlier one; a file with many added lines is written afresh.
 */
interface CacheHeader {
  format: 'safepost-cache';
  version: 5;
  /** Hash of everything besides a draft that decides its findings: version, rules, config, roster. */
  fingerprint: string;
  /** When the file was written: a draft modified in the same moment is read again, its stamp not trusted. */
  savedAt: number;
}

type CacheLine = ['s', ...string[]] | ['e', string, CacheEntry] | ['p', string] | ['t', number];

/** How an entry's line starts, before its key; and a photo-table line. */
const ENTRY_LINE = '["e","';
const PHOTO_LINE = '["p",';
const MAX_PHOTO_LINES = 16;

/** Added lines beyond which the file is written afresh: a quarter of its entries, at least 200. */
const appendLimit = (entries: number) => Math.max(200, entries / 4);

// Timestamps on some file systems are whole seconds (FAT, HFS+): a draft saved within that long
// of the cache could change again without its stamp changing.
const STAMP_GRANULARITY_MS = 2000;

const stampOf = (stat: Stats): FileStamp => [stat.size, stat.mtimeMs, stat.ctimeMs];
const sameStamp = (a: FileStamp, b: FileStamp) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

/**
 * A photo's stamp: its size, modification and change times; for a photo that is not there, the
 * stamp of the nearest folder above it that is (a file appearing there changes the folder's time),
 * so that photos that are missing cost one look at their folder, not one each.
 */
type PhotoStamp = string;

/**
 * The modification time in a stamp ("size:mtime:ctime", or "-levels:mtime:ctime" of a folder), to
 * tell one too recent to trust.
 */
const stampTime = (stamp: PhotoStamp) => {
  const start = stamp.indexOf(':') + 1;
  return Number(stamp.slice(start, stamp.indexOf(':', start)));
};

/** The folder of a draft's absolute path: path.dirname, without its cost ten thousand times over. */
function folderOf(absolute: string): string {
  const cut = Math.max(absolute.lastIndexOf('/'), absolute.lastIndexOf('\\'));
  // A root ("/", "C:\\") is left to dirname.
  return cut > 0 && absolute[cut - 1] !== ':' ? absolute.slice(0, cut) : dirname(absolute);
}

function statOf(path: string): Stats | undefined {
  try {
    // Most photos a draft names are not there (links, site paths): no exception for them.
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

const cannotWrite = (path: string, code: string) =>
  new SafepostError(`cannot write the cache file ${shownPath(path)} (${code}); give --cache-location a file in a folder you can write to`);

/** Why the cache file could not be written (an error code), if it plainly could not. */
function writeProblem(path: string): string | undefined {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isDirectory()) return 'EISDIR';
    // Written afresh beside itself and renamed, or added to.
    accessSync(dirname(path), constants.W_OK);
    if (stat) accessSync(path, constants.W_OK);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'error';
  }
  return undefined;
}

/** A draft's photos: [path from the draft's folder, stamp] pairs. */
type PhotoList = [string, PhotoStamp][];

/** What a lookup found: a result to reuse, or the draft's bytes and stamp to check it with. */
export type CacheLookup = { result: FileResult } | { bytes: Uint8Array; stamp: FileStamp } | null;

/**
 * Results of earlier runs, kept by the hash of each draft's content: a draft whose content,
 * photos, config, roster and rules are unchanged is not checked again. A draft whose size and
 * times are those recorded is taken as unchanged without being read, as make and git do. The
 * file holds hashes, positions, masked messages and clause ids, never a draft's text or a file
 * name in the clear.
 */
export class ResultCache {
  /** Entries by key: as their line in the file until a run needs them (most are only passed on). */
  private entries = new Map<string, CacheEntry | string>();
  private strings: string[] = [];
  private stringIndex = new Map<string, number>();
  /** Strings and clauses as JSON, for writing cached results out again. */
  private stringsJson: string[] = [];
  private clausesJson = new Map<number, string | undefined>();
  private findingHeads = new Map<number, { finding: PackedFinding; json: string }>();
  private savedAt = 0;
  /** What the file holds: its lines, the strings in it, and whether it can be added to. */
  private fileLines = 0;
  private savedStrings = 0;
  private appendable = false;
  /** Entries and photo lists changed in this run, to add to the file. */
  private changedEntries = new Set<string>();
  private changedPhotos = new Set<string>();
  /** The machine's key for the photo table, and the table: each draft's photos by its path's hash. */
  private readonly tableKey: Buffer | null;
  /** Photo lists by entry key; as their JSON until a run needs them, null for a draft with none now. */
  private photoTable = new Map<string, PhotoList | string | null>();
  /** Stamps taken in this run: many drafts can name the same photo or folder. */
  private photoStamps = new Map<string, PhotoStamp>();
  private folderStamps = new Map<string, PhotoStamp>();
  private photoFolders = new Map<string, string>();

  constructor(
    private readonly path: string,
    private readonly fingerprint: string,
    private readonly clauses: Map<string, Clause>,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    // A run over thousands of drafts should not find out at its end that it cannot keep them.
    const problem = writeProblem(path);
    if (problem) throw cannotWrite(path, problem);
    this.tableKey = machineKey(env);
    let text: string;
    try {
      text = readFileSync(path, 'latin1');
    } catch {
      return; // No cache yet.
    }
    const lines = text.split('\n');
    let photoLines = 0;
    try {
      const header = JSON.parse(lines[0]) as CacheHeader;
      if (header.format !== 'safepost-cache' || header.version !== 5 || header.fingerprint !== fingerprint) return;
      this.savedAt = header.savedAt;
    } catch {
      return; // Not a cache of this version: start afresh.
    }
    // A run stopped while adding lines leaves the last one cut short: keep what came before, and
    // write the file afresh.
    const whole = text.endsWith('\n');
    const last = whole ? lines.length : lines.length - 1;
    try {
      for (let n = 1; n < last; n++) {
        const line = lines[n];
        if (line.startsWith(ENTRY_LINE)) this.entries.set(line.slice(ENTRY_LINE.length, line.indexOf('"', ENTRY_LINE.length)), line);
        else if (line !== '') {
          if (line.startsWith(PHOTO_LINE)) photoLines++;
          this.apply(JSON.parse(line) as CacheLine);
        }
      }
    } catch {
      this.entries.clear();
      return;
    }
    this.savedStrings = this.strings.length;
    this.fileLines = lines.length;
    // Each added photo-table line is opened on its own (a cipher and an inflater each): past a
    // few, the next save writes the file afresh with one.
    this.appendable = whole && photoLines <= MAX_PHOTO_LINES;
  }

  /** A draft's entry, read from its line the first time it is needed. */
  private entry(key: string): CacheEntry | undefined {
    const value = this.entries.get(key);
    if (typeof value !== 'string') return value;
    try {
      return (JSON.parse(value) as ['e', string, CacheEntry])[2];
    } catch {
      return undefined;
    }
  }

  private apply(line: CacheLine): void {
    switch (line[0]) {
      case 's':
        for (let i = 1; i < line.length; i++) {
          this.stringIndex.set(line[i] as string, this.strings.length);
          this.strings.push(line[i] as string);
        }
        break;
      case 'p': {
        // A line a draft: its key, a tab, its list as JSON (or null).
        const table = this.tableKey ? openText(line[1], this.tableKey, { deflate: true }) : null;
        if (table) {
          for (const row of table.split('\n')) {
            const tab = row.indexOf('\t');
            if (tab > 0) this.photoTable.set(row.slice(0, tab), row.slice(tab + 1));
          }
        }
        break;
      }
      case 't':
        this.savedAt = line[1];
        break;
    }
  }

  /** The stamp of the nearest folder at or above `dir` that is there, with how many levels up it is. */
  private folderStamp(dir: string): PhotoStamp {
    let stamp = this.folderStamps.get(dir);
    if (stamp === undefined) {
      const stat = statOf(dir);
      const parent = dirname(dir);
      if (stat) stamp = `0:${stat.mtimeMs}:${stat.ctimeMs}`;
      else if (parent === dir) stamp = '0:0:0';
      else {
        const [up, ...times] = this.folderStamp(parent).split(':');
        stamp = [Number(up) + 1, ...times].join(':');
      }
      this.folderStamps.set(dir, stamp);
    }
    return stamp;
  }

  /** A photo's stamp as it is now. */
  private photoStamp(path: string): PhotoStamp {
    let stamp = this.photoStamps.get(path);
    if (stamp === undefined) {
      const stat = statOf(path);
      stamp = stat ? `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}` : `-${this.folderStamp(dirname(path))}`;
      this.photoStamps.set(path, stamp);
    }
    return stamp;
  }

  /**
   * Whether a photo, named from a draft's folder, is as recorded. A missing one is looked for only
   * when its folder changed; a stamp from the moment the cache was written is not trusted (the
   * file may have changed again within its time's granularity).
   */
  private photoUnchanged(draftFolder: string, photo: string, was: PhotoStamp): boolean {
    if (stampTime(was) >= this.savedAt - STAMP_GRANULARITY_MS) return false;
    if (!was.startsWith('-')) return this.photoStamp(resolve(draftFolder, photo)) === was;
    // Most photos a draft names share a few folders: found once each, not once a photo.
    const cut = Math.max(photo.lastIndexOf('/'), photo.lastIndexOf('\\'));
    const key = `${draftFolder}\u0000${cut < 0 ? '' : photo.slice(0, cut)}`;
    let folder = this.photoFolders.get(key);
    if (folder === undefined) {
      folder = cut < 0 ? draftFolder : resolve(draftFolder, photo.slice(0, cut));
      this.photoFolders.set(key, folder);
    }
    return `-${this.folderStamp(folder)}` === was;
  }

  /** A draft's photo list from the table, read from its JSON the first time it is needed. */
  private photoList(key: string): PhotoList | null {
    const value = this.photoTable.get(key);
    if (typeof value !== 'string') return value ?? null;
    try {
      return JSON.parse(value) as PhotoList | null;
    } catch {
      return null;
    }
  }

  /**
   * The cached result for a draft whose content and photos are unchanged, under the path it is
   * shown by; otherwise its bytes,
   * for checking it (null when it cannot be read: the check says why).
   */
  lookup(absolute: string, shown: string): CacheLookup {
    let stamp: FileStamp;
    try {
      stamp = stampOf(statSync(absolute));
    } catch {
      return null;
    }
    const key = shortHash(absolute);
    const entry = this.entry(key);
    const trusted = entry !== undefined && sameStamp(entry.s, stamp) && stamp[1] < this.savedAt - STAMP_GRANULARITY_MS;
    let bytes: Uint8Array | undefined;
    const read = () => {
      bytes ??= readFileSync(absolute);
      return bytes;
    };
    try {
      if (!entry) return { bytes: read(), stamp };
      if (!trusted) {
        if (entry.c !== shortHash(read())) return { bytes: read(), stamp };
        // Same content, new stamp (a fresh checkout): keep the result, record the stamp.
        if (!sameStamp(entry.s, stamp)) {
          entry.s = stamp;
          this.entries.set(key, entry);
          this.changedEntries.add(key);
        }
      }
      if (entry.i !== undefined) {
        let photos = this.photoList(key);
        if (!photos) {
          // The table did not open here (another machine): the draft's own seal.
          photos = open<PhotoList>(entry.i, photoKey(read()));
          if (!photos) return { bytes: read(), stamp };
          this.photoTable.set(key, photos);
          // Kept in the table next time, where the machine has a key for it.
          if (this.tableKey) this.changedPhotos.add(key);
        }
        const folder = folderOf(absolute);
        if (!photos.every(([photo, was]) => this.photoUnchanged(folder, photo, was))) return { bytes: read(), stamp };
      }
      const result = this.restore(shown, entry.r);
      return result ? { result } : { bytes: read(), stamp };
    } catch {
      return null;
    }
  }

  /**
   * A cached result under the path it is shown by, its findings made into objects only if asked
   * for; null when it names a clause the policy no longer has.
   */
  private restore(path: string, packed: PackedResult): FileResult | null {
    const [channel, findings, rest] = packed;
    const counts = { errors: 0, warnings: 0, infos: 0, suppressed: 0 };
    for (const finding of findings) {
      if (this.clauseJson(finding[4]) === undefined) return null;
      if (finding[10]?.suppressed) counts.suppressed++;
      else {
        const severity = this.strings[finding[2]];
        if (severity === 'error') counts.errors++;
        else if (severity === 'warning') counts.warnings++;
        else counts.infos++;
      }
    }
    const others = rest && this.unpackRest(rest);
    return deferredResult(path, this.strings[channel] as FileResult['channel'], others, () => this.unpackFindings(findings), {
      json: () => this.resultJson(path, packed),
      counts,
    });
  }

  private unpackFindings(findings: PackedFinding[]): Finding[] {
    const text = this.strings;
    // The same key order as a fresh result, so that reports are identical byte for byte.
    return findings.map(([ruleId, category, severity, message, clause, line, column, endLine, endColumn, suggestion, more]) => ({
      ruleId: text[ruleId],
      category: text[category] as Finding['category'],
      severity: text[severity] as Finding['severity'],
      message: text[message],
      clause: this.clauses.get(text[clause])!,
      line,
      column,
      endLine,
      endColumn,
      suggestion: text[suggestion],
      ...more,
    }));
  }

  /** A string of `strings` as JSON, made once a run. */
  private stringJson(i: number): string {
    return (this.stringsJson[i] ??= JSON.stringify(this.strings[i]));
  }

  /** A clause, by the index of its id in `strings`, as JSON; undefined for one the policy lacks. */
  private clauseJson(i: number): string | undefined {
    let json = this.clausesJson.get(i);
    if (json === undefined && !this.clausesJson.has(i)) {
      const clause = this.clauses.get(this.strings[i]);
      json = clause && JSON.stringify(clause);
      this.clausesJson.set(i, json);
    }
    return json;
  }

  /**
   * The start of a finding's JSON, up to its line: kept by message, as the findings of a site
   * share a few hundred messages, and a text made once is not made (and collected) again.
   */
  private findingHead(finding: PackedFinding): string {
    const [ruleId, category, severity, message, clause] = finding;
    const known = this.findingHeads.get(message);
    if (known && known.finding[0] === ruleId && known.finding[1] === category && known.finding[2] === severity && known.finding[4] === clause) {
      return known.json;
    }
    const json = `{"ruleId":${this.stringJson(ruleId)},"category":${this.stringJson(category)},"severity":${this.stringJson(severity)},"message":${this.stringJson(message)},"clause":${this.clauseJson(clause)},"line":`;
    this.findingHeads.set(message, { finding, json });
    return json;
  }

  /**
   * A cached result's JSON, written from its packed form: the same text as JSON.stringify of the
   * result, key for key, in a third of the time and without making its findings.
   */
  private resultJson(path: string, [channel, findings, rest]: PackedResult): string {
    let json = `{"path":${JSON.stringify(path)},"channel":${this.stringJson(channel)},"findings":[`;
    for (let n = 0; n < findings.length; n++) {
      const [, , , , , line, column, endLine, endColumn, suggestion, more] = findings[n];
      json += `${n === 0 ? '' : ','}${this.findingHead(findings[n])}${line},"column":${column},"endLine":${endLine},"endColumn":${endColumn},"suggestion":${this.stringJson(suggestion)}`;
      if (more) {
        const extra = JSON.stringify(more);
        if (extra !== '{}') json += `,${extra.slice(1, -1)}`;
      }
      json += '}';
    }
    json += ']';
    if (rest) {
      const { error, errorLine, note, positions } = rest;
      if (error !== undefined) json += `,"error":${this.stringJson(error)}`;
      if (errorLine !== undefined) json += `,"errorLine":${errorLine}`;
      if (note !== undefined) json += `,"note":${this.stringJson(note)}`;
      if (positions !== undefined) json += `,"positions":${JSON.stringify(positions)}`;
    }
    return `${json}}`;
  }

  /** A result's other fields, in a fresh result's order, with their texts back from `strings`. */
  private unpackRest(rest: PackedRest): Partial<FileResult> {
    const { error, note, errorLine, positions } = rest;
    const result: Partial<FileResult> = {};
    if (error !== undefined) result.error = this.strings[error];
    if (errorLine !== undefined) result.errorLine = errorLine;
    if (note !== undefined) result.note = this.strings[note];
    if (positions !== undefined) result.positions = positions;
    return result;
  }

  private intern(value: string): number {
    let i = this.stringIndex.get(value);
    if (i === undefined) {
      i = this.strings.push(value) - 1;
      this.stringIndex.set(value, i);
    }
    return i;
  }

  set(absolute: string, bytes: Uint8Array, stamp: FileStamp, result: FileResult, imagePaths: string[]): void {
    const { path: _path, channel, findings, ...rest } = result;
    const packed: PackedResult = [
      this.intern(channel),
      findings.map(({ ruleId, category, severity, message, clause, line, column, endLine, endColumn, suggestion, ...more }) => {
        const fields: PackedFinding = [
          this.intern(ruleId),
          this.intern(category),
          this.intern(severity),
          this.intern(message),
          this.intern(clause.id),
          line,
          column,
          endLine,
          endColumn,
          this.intern(suggestion),
        ];
        if (Object.keys(more).length > 0) fields.push(more);
        return fields;
      }),
    ];
    if (Object.keys(rest).length > 0) {
      const { error, note, ...others } = rest;
      packed.push({
        ...(error !== undefined ? { error: this.intern(error) } : {}),
        ...(note !== undefined ? { note: this.intern(note) } : {}),
        ...others,
      });
    }
    const key = shortHash(absolute);
    const folder = folderOf(absolute);
    const photos: PhotoList = imagePaths.map((p) => [relative(folder, p), this.photoStamp(p)]);
    this.entries.set(key, { c: shortHash(bytes), s: stamp, ...(photos.length > 0 ? { i: seal(photos, photoKey(bytes)) } : {}), r: packed });
    this.changedEntries.add(key);
    // Most drafts checked again name the same photos as before: their table row stays as it is.
    const listed = this.photoTable.get(key);
    const before = listed === undefined ? undefined : typeof listed === 'string' ? listed : JSON.stringify(listed);
    const now = photos.length > 0 ? JSON.stringify(photos) : 'null';
    if ((photos.length > 0 || listed !== undefined) && before !== now) {
      this.photoTable.set(key, photos.length > 0 ? photos : null);
      if (this.tableKey) this.changedPhotos.add(key);
    }
  }

  /** Adds this run's changes to the file, or writes it afresh when adding would leave it long. */
  save(): void {
    if (this.changedEntries.size === 0 && this.changedPhotos.size === 0) return;
    const rewrite = !this.appendable || this.fileLines + this.changedEntries.size > appendLimit(this.entries.size) + this.entries.size;
    const now = Date.now();
    const lines: string[] = [];
    const strings = rewrite ? this.strings : this.strings.slice(this.savedStrings);
    if (strings.length > 0) lines.push(asciiJson(['s', ...strings]));
    for (const key of rewrite ? this.entries.keys() : this.changedEntries) {
      const entry = this.entries.get(key)!;
      // An entry this run did not touch keeps its line as it was.
      lines.push(typeof entry === 'string' ? entry : asciiJson(['e', key, entry]));
    }
    const photoKeys = rewrite ? [...this.photoTable.keys()].filter((key) => this.photoTable.get(key)) : [...this.changedPhotos];
    if (this.tableKey && photoKeys.length > 0) {
      const rows = photoKeys.map((key) => {
        const photos = this.photoTable.get(key) ?? null;
        return `${key}\t${typeof photos === 'string' ? photos : JSON.stringify(photos)}`;
      });
      lines.push(JSON.stringify(['p', sealText(rows.join('\n'), this.tableKey, { deflate: true })]));
    }
    const body = lines.join('\n');
    const temporary = `${this.path}.${process.pid}.tmp`;
    try {
      if (rewrite) {
        const header: CacheHeader = { format: 'safepost-cache', version: 5, fingerprint: this.fingerprint, savedAt: now };
        // Written beside it and renamed, so that a run stopped half way leaves the old file whole.
        writeFileSync(temporary, `${JSON.stringify(header)}\n${body}\n`);
        renameSync(temporary, this.path);
      } else {
        appendFileSync(this.path, `${body}\n${JSON.stringify(['t', now])}\n`);
      }
    } catch (error) {
      rmSync(temporary, { force: true });
      throw cannotWrite(this.path, (error as NodeJS.ErrnoException).code ?? 'error');
    }
    // What the file holds now, for a later save by the same checker.
    this.fileLines = (rewrite ? 1 : this.fileLines) + lines.length + (rewrite ? 0 : 1);
    this.savedStrings = this.strings.length;
    this.savedAt = now;
    this.appendable = true;
    this.changedEntries.clear();
    this.changedPhotos.clear();
  }
}
