import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';
import type { MessageKey } from '../../common/i18n.js';

/**
 * A small streaming reader for the first worksheet of an .xlsx, for imports of any size, that an
 * upload cannot turn against the API.
 *
 * Why not exceljs's WorkbookReader: it decodes each inflated chunk to a string on its own, so a
 * Chinese character split across two chunks comes out as "��" (seen on every few thousand
 * rows of a real import). Here the chunks go through a StringDecoder, and rows are cut out of
 * the XML text by a scanner — cells (`<c>`), shared strings, inline strings and numbers are all an
 * import needs; dates arrive as Excel serial numbers or text.
 *
 * Bounded (XLSX_LIMITS): every zip part is inflated as a stream with a cap on its inflated size,
 * on the inflated size of the whole read and on the compression ratio (zip bombs); one row or
 * shared string may not exceed `elementChars` (a row that never closes); rows, columns and shared
 * strings are counted. The scanners never look at a character twice (no rescanning of a growing
 * string), so time is linear in the inflated bytes read, which are bounded by the upload. A zip
 * whose directory or offsets do not fit the file is refused. Every refusal is an XlsxError with a
 * message key, which the import turns into a 400 in the caller's language.
 */

export interface XlsxLimits {
  /** Inflated bytes of one zip part. */
  entryBytes: number;
  /** Inflated bytes of all parts one read touches. */
  totalBytes: number;
  /** Inflated / compressed size of a part, once it is past `ratioFloorBytes` (Apache POI's default is 100). */
  ratio: number;
  ratioFloorBytes: number;
  /** Characters of one `<row>` or `<si>` element. */
  elementChars: number;
  /** Data rows (the header not counted). */
  rows: number;
  /** Columns (A = 1 … ). */
  columns: number;
  sharedStrings: number;
  sharedChars: number;
  /** Parts in the zip. */
  entries: number;
}

/**
 * A 100,000-row appendix-1 sheet is about 230 MB inflated (inline strings) at a ratio of about
 * 11; with shared strings 150 MB + 5 MB at 8 and 19. Twice the rows fit under every limit.
 */
export const XLSX_LIMITS: XlsxLimits = {
  entryBytes: 512 * 2 ** 20,
  totalBytes: 768 * 2 ** 20,
  ratio: 100,
  ratioFloorBytes: 2 ** 20,
  elementChars: 2 ** 20,
  rows: 200_000,
  columns: 256,
  sharedStrings: 2_000_000,
  sharedChars: 64 * 2 ** 20,
  entries: 10_000,
};

/** The upload cannot be read safely; `key` names the message for the caller. */
export class XlsxError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}
/** The bytes are not a zip at all (kept as its own class: "upload an .xlsx"). */
export class NotXlsxError extends XlsxError {
  constructor() {
    super('privacy.notXlsx');
  }
}

const badZip = () => new XlsxError('members.import.badZip');
const tooBig = (limits: XlsxLimits) => new XlsxError('members.import.inflatedTooLarge', { mb: Math.round(limits.entryBytes / 2 ** 20) });

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As the directory states it; not trusted (the inflater counts). */
  size: number;
  localOffset: number;
}

/**
 * The zip's central directory: null when the bytes are not a zip; an XlsxError when they claim to
 * be one but the directory does not fit the file (past its end, overlapping, zip64, encrypted).
 */
export function zipEntries(buf: Buffer, limits: XlsxLimits = XLSX_LIMITS): ZipEntry[] | null {
  if (buf.length < 30 || buf.readUInt32LE(0) !== 0x04034b50) return null;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw badZip();
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || count > limits.entries) throw badZip();
  if (cdOffset + cdSize > eocd || cdOffset > eocd) throw badZip();
  const out: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50) throw badZip();
    const flags = buf.readUInt16LE(p + 8);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > eocd) throw badZip();
    const e: ZipEntry = {
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    };
    // Encrypted parts, zip64 sizes and offsets outside the file: not a workbook we read.
    if (flags & 1 || e.compressedSize === 0xffffffff || e.localOffset === 0xffffffff || e.localOffset + 30 > cdOffset) throw badZip();
    out.push(e);
    p = end;
  }
  return out;
}

/** The compressed bytes of an entry, checked against the file. */
function entryData(buf: Buffer, e: ZipEntry): Buffer {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw badZip();
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressedSize > buf.length) throw badZip();
  if (e.method !== 0 && e.method !== 8) throw badZip();
  return buf.subarray(start, start + e.compressedSize);
}

/** Inflated bytes of one read (all parts it touches), against the limits. */
export class InflateBudget {
  total = 0;
  constructor(readonly limits: XlsxLimits = XLSX_LIMITS) {}
}

/** The inflated bytes of an entry, chunk by chunk; stops (and frees the inflater) at any limit. */
export async function* inflateChunks(buf: Buffer, e: ZipEntry, budget: InflateBudget): AsyncGenerator<Buffer> {
  const { limits } = budget;
  const data = entryData(buf, e);
  let size = 0;
  const count = (n: number) => {
    size += n;
    budget.total += n;
    if (size > limits.entryBytes || budget.total > limits.totalBytes) throw tooBig(limits);
    if (size > limits.ratioFloorBytes && size > limits.ratio * Math.max(1, e.compressedSize)) throw tooBig(limits);
  };
  if (e.method === 0) {
    for (let i = 0; i < data.length; i += 64 * 1024) {
      const part = data.subarray(i, i + 64 * 1024);
      count(part.length);
      yield part;
    }
    return;
  }
  // Small chunks keep the decoded text out of V8's large-object space, so it dies young; the
  // inflater honours back-pressure, so it never runs ahead of the reader.
  const inflate = createInflateRaw({ chunkSize: 32 * 1024 });
  inflate.end(data);
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      count(chunk.length);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof XlsxError) throw err;
    throw badZip(); // not deflate data, or cut short
  } finally {
    inflate.destroy();
  }
}

/** Inflated text of an entry, chunk by chunk, never splitting a character. */
async function* inflateText(buf: Buffer, e: ZipEntry, budget: InflateBudget): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of inflateChunks(buf, e, budget)) yield decoder.write(chunk);
  const rest = decoder.end();
  if (rest) yield rest;
}

/** A small part (workbook, relationships) as one string, at most `max` bytes inflated. */
async function inflateSmall(buf: Buffer, e: ZipEntry, budget: InflateBudget, max = 16 * 2 ** 20): Promise<string> {
  let out = '';
  for await (const s of inflateText(buf, e, budget)) {
    out += s;
    if (out.length > max) throw tooBig(budget.limits);
  }
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/g, (m, e: string) => {
    if (e[0] !== '#') return ENTITIES[e];
    const cp = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

/** All `<t>` texts of an `<si>` or `<is>` (plain or rich text), joined. */
function texts(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) out += m[1];
  return unescapeXml(out);
}

/** Is `s[i]` the end of a tag name (so `<row` is not `<rowBreaks`)? */
function nameEnds(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c === 0x20 || c === 0x3e || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d; // space > / tab LF CR
}

/**
 * Cuts `<name …/>` and `<name …>…</name>` elements out of a stream of XML text. Each character is
 * looked at once: an unfinished element waits in `carry`, and the search for its end resumes
 * where it stopped. An element longer than `max` characters is an error (`onTooLong`).
 */
class ElementScanner {
  private carry = '';
  /** In `carry`: where the search for the closing tag resumes (-1: the start tag is not complete yet). */
  private resume = -1;
  private readonly open: string;
  private readonly close: string;

  constructor(
    name: string,
    private readonly max: number,
    private readonly onTooLong: () => Error,
  ) {
    this.open = `<${name}`;
    this.close = `</${name}>`;
  }

  /** Complete elements in this chunk: [start tag's attributes, body (undefined when self-closing)]. */
  *feed(text: string): Generator<[string, string | undefined]> {
    const s = this.carry + text;
    let pos = 0;
    let resume = this.resume;
    for (;;) {
      let start: number;
      if (resume >= 0) start = 0; // carry begins with the unfinished element's start tag
      else {
        start = s.indexOf(this.open, pos);
        while (start !== -1 && start + this.open.length < s.length && !nameEnds(s, start + this.open.length)) start = s.indexOf(this.open, start + 1);
        if (start === -1) {
          // Keep a tail that could be the beginning of the next start tag.
          this.carry = s.slice(Math.max(pos, s.length - this.open.length));
          this.resume = -1;
          return;
        }
        if (start + this.open.length >= s.length) {
          this.keep(s, start, -1);
          return;
        }
      }
      const tagEnd = s.indexOf('>', start + this.open.length);
      if (tagEnd === -1) {
        this.keep(s, start, -1);
        return;
      }
      const attrs = s.slice(start + this.open.length, s[tagEnd - 1] === '/' ? tagEnd - 1 : tagEnd);
      if (s[tagEnd - 1] === '/') {
        yield [attrs, undefined];
        pos = tagEnd + 1;
        resume = -1;
        continue;
      }
      const from = resume >= 0 ? Math.max(tagEnd + 1, resume) : tagEnd + 1;
      const end = s.indexOf(this.close, from);
      if (end === -1) {
        this.keep(s, start, Math.max(tagEnd + 1, s.length - this.close.length + 1) - start);
        return;
      }
      if (end - start > this.max) throw this.onTooLong();
      yield [attrs, s.slice(tagEnd + 1, end)];
      pos = end + this.close.length;
      resume = -1;
    }
  }

  /** Keeps an unfinished element (from `start`) for the next chunk; `resume` is relative to it. */
  private keep(s: string, start: number, resume: number): void {
    const carry = s.slice(start);
    if (carry.length > this.max) throw this.onTooLong();
    // A start tag still without its `>` is searched again from its beginning: it must be short.
    if (resume < 0 && carry.length > 4 * 1024) throw this.onTooLong();
    this.carry = carry;
    this.resume = resume;
  }

  /** Whatever is left when the text ends (an element that never closed). */
  get pending(): boolean {
    return this.resume >= 0 || this.carry.includes(this.open);
  }
}

async function sharedStrings(buf: Buffer, entries: ZipEntry[], budget: InflateBudget): Promise<string[]> {
  const e = entries.find((x) => x.name === 'xl/sharedStrings.xml');
  if (!e) return [];
  const { limits } = budget;
  const out: string[] = [];
  let chars = 0;
  const scanner = new ElementScanner('si', limits.elementChars, () => tooBig(limits));
  for await (const text of inflateText(buf, e, budget)) {
    for (const [, body] of scanner.feed(text)) {
      const s = body ? own(texts(body)) : '';
      chars += s.length;
      if (out.length >= limits.sharedStrings || chars > limits.sharedChars) throw tooBig(limits);
      out.push(s);
    }
  }
  return out;
}

/** The first sheet in workbook order (xl/workbook.xml → its relationship → the part). */
export async function firstSheet(buf: Buffer, entries: ZipEntry[], budget: InflateBudget): Promise<ZipEntry | undefined> {
  const wbEntry = entries.find((e) => e.name === 'xl/workbook.xml');
  const rels = entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels');
  if (wbEntry && rels) {
    const wb = await inflateSmall(buf, wbEntry, budget);
    const rid = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(wb)?.[1] ?? /<sheet\b[^>]*\bid="([^"]+)"/.exec(wb)?.[1];
    if (rid) {
      const relXml = await inflateSmall(buf, rels, budget);
      for (const m of relXml.matchAll(/<Relationship\b[^>]*>/g)) {
        if (!m[0].includes(`Id="${rid}"`)) continue;
        const target = /Target="([^"]+)"/.exec(m[0])?.[1];
        if (!target) break;
        const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
        const hit = entries.find((e) => e.name === path);
        if (hit) return hit;
      }
    }
  }
  return entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)).sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))[0];
}

/** A cell: its text, and the number when the cell is numeric (dates are serial numbers). */
export interface Cell {
  text: string;
  number?: number;
}

export interface SheetRow {
  /** 1-based row number as in Excel. */
  number: number;
  /** 0-based column → cell. */
  cells: Cell[];
}

/**
 * A copy of a substring. V8 keeps longer substrings as views into the whole chunk of XML they
 * came from; a row waiting for the database would then keep every chunk it touched alive.
 */
function own(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}

function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** The cells of a row body, scanned once: `<c …/>` or `<c …>…</c>`. */
function* cellsOf(body: string): Generator<[string, string]> {
  let pos = 0;
  for (;;) {
    let start = body.indexOf('<c', pos);
    while (start !== -1 && !nameEnds(body, start + 2)) start = body.indexOf('<c', start + 2);
    if (start === -1) return;
    const tagEnd = body.indexOf('>', start + 2);
    if (tagEnd === -1) return;
    if (body[tagEnd - 1] === '/') {
      yield [body.slice(start + 2, tagEnd - 1), ''];
      pos = tagEnd + 1;
      continue;
    }
    const end = body.indexOf('</c>', tagEnd + 1);
    if (end === -1) return;
    yield [body.slice(start + 2, tagEnd), body.slice(tagEnd + 1, end)];
    pos = end + 4;
  }
}

function parseRow(attrs: string, body: string | undefined, shared: string[], fallbackNumber: number, limits: XlsxLimits): SheetRow {
  const number = Number(/\br="(\d{1,7})"/.exec(attrs)?.[1] ?? fallbackNumber);
  const cells: Cell[] = [];
  if (!body) return { number, cells };
  let next = 0;
  for (const [a, inner] of cellsOf(body)) {
    const ref = /\br="([A-Z]{1,4})\d*"/.exec(a)?.[1];
    const col = ref ? columnIndex(ref) : next;
    if (col >= limits.columns) throw new XlsxError('members.import.tooManyColumns', { row: number, max: limits.columns });
    next = col + 1;
    const type = /\bt="(\w+)"/.exec(a)?.[1] ?? 'n';
    const v = /<v>([^<]*)<\/v>/.exec(inner)?.[1];
    let cell: Cell;
    if (type === 's') cell = { text: shared[Number(v)] ?? '' };
    else if (type === 'inlineStr') cell = { text: own(texts(inner)) };
    else if (type === 'n' && v !== undefined && v !== '') {
      const n = Number(v);
      cell = { text: Number.isSafeInteger(n) ? String(n) : own(v), number: n };
    } else if (type === 'b') cell = { text: v === '1' ? 'TRUE' : 'FALSE' };
    else cell = { text: v === undefined ? '' : own(unescapeXml(v)) };
    cells[col] = cell;
  }
  return { number, cells };
}

/** Rows of the first worksheet, as a stream; rows are yielded in batches. */
export async function* readSheet(buf: Buffer, limits: XlsxLimits = XLSX_LIMITS): AsyncGenerator<SheetRow[]> {
  const entries = zipEntries(buf, limits);
  if (!entries) throw new NotXlsxError();
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw new NotXlsxError();
  const budget = new InflateBudget(limits);
  const sheet = await firstSheet(buf, entries, budget);
  if (!sheet) return;
  const shared = await sharedStrings(buf, entries, budget);
  let count = 0;
  const scanner = new ElementScanner('row', limits.elementChars, () => new XlsxError('members.import.rowTooLong', { row: count + 1, kb: Math.round(limits.elementChars / 1024) }));
  for await (const text of inflateText(buf, sheet, budget)) {
    const rows: SheetRow[] = [];
    for (const [attrs, body] of scanner.feed(text)) {
      // The header plus `rows` data rows.
      if (count > limits.rows) throw new XlsxError('members.import.tooManyRows', { max: limits.rows });
      rows.push(parseRow(attrs, body, shared, ++count, limits));
    }
    if (rows.length) yield rows;
  }
  if (scanner.pending) throw new XlsxError('members.import.rowTooLong', { row: count + 1, kb: Math.round(limits.elementChars / 1024) });
}
