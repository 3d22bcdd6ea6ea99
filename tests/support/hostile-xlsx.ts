import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';

/**
 * Hostile .xlsx files for the import's upload checks (tests/api/uploads.test.ts, the reader's spec
 * and scripts/bench-hostile-uploads.ts): a zip bomb in xl/sharedStrings.xml, a first row that never
 * closes, and a zip whose central directory points past the end of the file. Built by hand with a
 * tiny zip writer, so each file is exactly as broken as its name says.
 */

interface Entry {
  name: string;
  /** Deflated bytes. */
  data: Buffer;
  size: number;
  crc: number;
}

export function entry(name: string, text: string | Buffer): Entry {
  const raw = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return { name, data: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
}

/** `head`, then `unit` repeated until about `inflatedBytes`, then `tail`, deflated as a stream (never held inflated). */
export async function repeatedEntry(name: string, head: string, unit: string, inflatedBytes: number, tail = ''): Promise<Entry> {
  const deflate = createDeflateRaw({ level: 9, memLevel: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const block = Buffer.from(unit.repeat(Math.max(1, Math.floor((1 << 20) / Buffer.byteLength(unit)))), 'utf8');
  let crc = 0;
  let size = 0;
  const write = (b: Buffer) => {
    crc = crc32(b, crc);
    size += b.length;
    return deflate.write(b);
  };
  write(Buffer.from(head, 'utf8'));
  while (size < inflatedBytes) {
    if (!write(block)) await new Promise((r) => deflate.once('drain', r));
  }
  if (tail) write(Buffer.from(tail, 'utf8'));
  deflate.end();
  await done;
  return { name, data: Buffer.concat(out), size, crc };
}

/** A zip of deflated entries (no data descriptors, no zip64). */
export function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, e.data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="会员" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SST_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`;

/** A well-formed workbook around the given sheet and shared-strings parts. */
export function workbookZip(sheet: Entry, sharedStrings?: Entry): Buffer {
  return zip([
    entry('[Content_Types].xml', CONTENT_TYPES),
    entry('_rels/.rels', ROOT_RELS),
    entry('xl/workbook.xml', WORKBOOK),
    entry('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
    sheet,
    ...(sharedStrings ? [sharedStrings] : []),
  ]);
}

/** A small, valid workbook: a header row of shared strings and one data row. */
export function smallWorkbook(): Buffer {
  const sheet = entry('xl/worksheets/sheet1.xml', `${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>张三</t></is></c><c r="B2"><v>42</v></c></row></sheetData></worksheet>`);
  return workbookZip(sheet, entry('xl/sharedStrings.xml', `${SST_HEAD}<si><t>姓名</t></si><si><t>数字</t></si></sst>`));
}

/** About 1 MB on the wire: shared strings that inflate to about 430 MB (many small strings). */
export async function sharedStringsBomb(inflatedBytes = 430 << 20): Promise<Buffer> {
  const sheet = entry('xl/worksheets/sheet1.xml', `${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`);
  return workbookZip(sheet, await repeatedEntry('xl/sharedStrings.xml', SST_HEAD, '<si><t>a</t></si>', inflatedBytes, '</sst>'));
}

/** About 33 KB on the wire: a first row that never closes, about 11 MB of cells inflated. */
export async function unclosedFirstRow(inflatedBytes = 11 << 20): Promise<Buffer> {
  return workbookZip(await repeatedEntry('xl/worksheets/sheet1.xml', `${SHEET_HEAD}<row r="1">`, '<c r="A1" t="inlineStr"><is><t>a</t></is></c>', inflatedBytes));
}

/** A sheet part that inflates to far more than its compressed size (a classic zip bomb). */
export async function sheetBomb(inflatedBytes = 1 << 30): Promise<Buffer> {
  return workbookZip(await repeatedEntry('xl/worksheets/sheet1.xml', `${SHEET_HEAD}`, '<row r="2"><c r="A2"><v>1</v></c></row>', inflatedBytes, '</sheetData></worksheet>'));
}

/** A valid small workbook whose end-of-directory record points the directory past the end of the file. */
export function directoryPastEof(): Buffer {
  const buf = Buffer.from(smallWorkbook());
  buf.writeUInt32LE(buf.length + 4096, buf.length - 22 + 16);
  return buf;
}

/** A valid small workbook whose directory entry for the sheet points its local header past the end. */
export function localOffsetPastEof(): Buffer {
  const buf = Buffer.from(smallWorkbook());
  let p = buf.readUInt32LE(buf.length - 22 + 16);
  while (buf.readUInt32LE(p) === 0x02014b50) {
    const nameLen = buf.readUInt16LE(p + 28);
    if (buf.toString('utf8', p + 46, p + 46 + nameLen) === 'xl/worksheets/sheet1.xml') buf.writeUInt32LE(buf.length + 10, p + 42);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}
