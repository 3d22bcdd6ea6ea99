import { createInflateRaw } from 'node:zlib';
import { zipEntries, type ZipEntry } from './xlsx-reader.js';

/**
 * A quick look into an .xlsx (a zip) before the real, streaming read: is it a workbook at all,
 * and about how many rows does its first sheet have (for the progress bar)? Reads the zip's
 * central directory and inflates the first sheet once, counting `<row` tags; no XML parsing.
 */
/** The workbook's entries, or null when the bytes are not an xlsx. */
export function xlsxEntries(buf: Buffer): ZipEntry[] | null {
  const list = zipEntries(buf);
  if (!list?.some((e) => e.name === 'xl/workbook.xml')) return null;
  return list;
}

/** Rows (`<row` elements) of the first worksheet part, header included (an estimate for the progress bar); null if it cannot tell. */
export async function countSheetRows(buf: Buffer, list: ZipEntry[]): Promise<number | null> {
  const sheet = list.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)).sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))[0];
  if (!sheet) return null;
  const p = sheet.localOffset;
  if (buf.readUInt32LE(p) !== 0x04034b50) return null;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + sheet.compressedSize);
  // `<row ` or `<row>`, not `<rowBreaks`; only where the character after `<row` is known.
  const count = (s: string) => {
    let n = 0;
    for (let i = s.indexOf('<row'); i !== -1 && i + 4 < s.length; i = s.indexOf('<row', i + 4)) if (s[i + 4] === ' ' || s[i + 4] === '>') n++;
    return n;
  };
  if (sheet.method === 0) return count(data.toString('latin1'));
  if (sheet.method !== 8) return null;
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let total = 0;
    let carry = '';
    inflate.on('data', (chunk: Buffer) => {
      // The last 4 characters may start a tag that ends in the next chunk: they go round again.
      const s = carry + chunk.toString('latin1');
      total += count(s);
      carry = s.slice(-4);
    });
    inflate.on('end', () => resolve(total));
    inflate.on('error', () => resolve(null));
    inflate.end(data);
  });
}
