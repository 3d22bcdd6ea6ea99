import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw, inflateRawSync } from 'node:zlib';

/**
 * A small streaming reader for the first worksheet of an .xlsx, for imports of any size.
 *
 * Why not exceljs's WorkbookReader: it decodes each inflated chunk to a string on its own, so a
 * Chinese character split across two chunks comes out as "��" (seen on every few thousand
 * rows of a real import). Here the chunks go through a StringDecoder, and rows are cut out of
 * the XML text with a few regular expressions — cells (`<c>`), shared strings, inline strings
 * and numbers are all an import needs; dates arrive as Excel serial numbers or text.
 */

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The zip's central directory, or null when the bytes are not a zip. */
export function zipEntries(buf: Buffer): ZipEntry[] | null {
  if (buf.length < 30 || buf.readUInt32LE(0) !== 0x04034b50) return null;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) !== 0x06054b50) continue;
    const count = buf.readUInt16LE(i + 10);
    let p = buf.readUInt32LE(i + 16);
    const out: ZipEntry[] = [];
    for (let n = 0; n < count; n++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      out.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), method: buf.readUInt16LE(p + 10), compressedSize: buf.readUInt32LE(p + 20), localOffset: buf.readUInt32LE(p + 42) });
      p += 46 + nameLen + extraLen + commentLen;
    }
    return out;
  }
  return null;
}

function entryData(buf: Buffer, e: ZipEntry): Buffer {
  const p = e.localOffset;
  if (buf.readUInt32LE(p) !== 0x04034b50) throw new Error('bad zip entry');
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  return buf.subarray(start, start + e.compressedSize);
}

function inflateAll(buf: Buffer, e: ZipEntry): string {
  const data = entryData(buf, e);
  return (e.method === 0 ? data : inflateRawSync(data)).toString('utf8');
}

/** Inflated text of an entry, chunk by chunk, never splitting a character. */
async function* inflateText(buf: Buffer, e: ZipEntry): AsyncGenerator<string> {
  const data = entryData(buf, e);
  const decoder = new StringDecoder('utf8');
  if (e.method === 0) {
    yield decoder.write(data) + decoder.end();
    return;
  }
  // Small chunks keep the decoded text out of V8's large-object space, so it dies young.
  const inflate = createInflateRaw({ chunkSize: 32 * 1024 });
  inflate.end(data);
  for await (const chunk of inflate as AsyncIterable<Buffer>) yield decoder.write(chunk);
  const rest = decoder.end();
  if (rest) yield rest;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e],
  );
}

/** All `<t>` texts of an `<si>` or `<is>` (plain or rich text), joined. */
function texts(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) out += m[1];
  return unescapeXml(out);
}

function sharedStrings(buf: Buffer, entries: ZipEntry[]): string[] {
  const e = entries.find((x) => x.name === 'xl/sharedStrings.xml');
  if (!e) return [];
  const xml = inflateAll(buf, e);
  const out: string[] = [];
  for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) out.push(m[1] ? texts(m[1]) : '');
  return out;
}

/** The first sheet in workbook order (xl/workbook.xml → its relationship → the part). */
function firstSheet(buf: Buffer, entries: ZipEntry[]): ZipEntry | undefined {
  try {
    const wb = inflateAll(buf, entries.find((e) => e.name === 'xl/workbook.xml')!);
    const rid = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(wb)?.[1] ?? /<sheet\b[^>]*\bid="([^"]+)"/.exec(wb)?.[1];
    const rels = entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels');
    if (rid && rels) {
      const relXml = inflateAll(buf, rels);
      for (const m of relXml.matchAll(/<Relationship\b[^>]*>/g)) {
        if (!m[0].includes(`Id="${rid}"`)) continue;
        const target = /Target="([^"]+)"/.exec(m[0])?.[1];
        if (!target) break;
        const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
        const hit = entries.find((e) => e.name === path);
        if (hit) return hit;
      }
    }
  } catch {
    /* fall back to the first sheet part by name */
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
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

function parseRow(attrs: string, body: string | undefined, shared: string[], fallbackNumber: number): SheetRow {
  const number = Number(/\br="(\d+)"/.exec(attrs)?.[1] ?? fallbackNumber);
  const cells: Cell[] = [];
  if (!body) return { number, cells };
  let next = 0;
  for (const m of body.matchAll(CELL)) {
    const a = m[1];
    const ref = /\br="([A-Z]+)\d*"/.exec(a)?.[1];
    const col = ref ? columnIndex(ref) : next;
    next = col + 1;
    const type = /\bt="(\w+)"/.exec(a)?.[1] ?? 'n';
    const inner = m[2] ?? '';
    const v = /<v>([^<]*)<\/v>/.exec(inner)?.[1];
    let cell: Cell;
    if (type === 's') cell = { text: shared[Number(v)] ?? '' };
    else if (type === 'inlineStr') cell = { text: own(texts(inner)) };
    else if (type === 'n' && v !== undefined && v !== '') {
      const n = Number(v);
      cell = { text: Number.isSafeInteger(n) ? String(n) : v, number: n };
    }
    else if (type === 'b') cell = { text: v === '1' ? 'TRUE' : 'FALSE' };
    else cell = { text: v === undefined ? '' : own(unescapeXml(v)) };
    cells[col] = cell;
  }
  return { number, cells };
}

export class NotXlsxError extends Error {}

/** Rows of the first worksheet, as a stream; rows are yielded in batches. */
export async function* readSheet(buf: Buffer): AsyncGenerator<SheetRow[]> {
  const entries = zipEntries(buf);
  if (!entries?.some((e) => e.name === 'xl/workbook.xml')) throw new NotXlsxError('not an xlsx');
  const sheet = firstSheet(buf, entries);
  if (!sheet) return;
  const shared = sharedStrings(buf, entries);
  let carry = '';
  let count = 0;
  for await (const text of inflateText(buf, sheet)) {
    const s = carry + text;
    const rows: SheetRow[] = [];
    let consumed = 0;
    ROW.lastIndex = 0;
    for (let m = ROW.exec(s); m; m = ROW.exec(s)) {
      rows.push(parseRow(m[1], m[2], shared, ++count));
      consumed = ROW.lastIndex;
    }
    // An unfinished row at the end of the chunk waits for the next one. A self-closing
    // <row .../> could be a prefix of an unfinished <row ...>…</row>; only `/>` at its end counts.
    carry = s.slice(consumed);
    if (rows.length) yield rows;
  }
}
