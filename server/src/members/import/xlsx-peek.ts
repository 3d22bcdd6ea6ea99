import { firstSheet, InflateBudget, inflateChunks, XLSX_LIMITS, XlsxError, zipEntries, type XlsxLimits, type ZipEntry } from './xlsx-reader.js';

/**
 * A quick look into an .xlsx (a zip) before the real, streaming read: is it a workbook at all,
 * and about how many rows does its first sheet have (for the progress bar)? Reads the zip's
 * central directory and inflates the first sheet once, counting `<row` tags; no XML parsing.
 * Under the same limits as the reader (inflated size, ratio, rows).
 */
/** The workbook's entries, or null when the bytes are not an xlsx; an XlsxError when the zip is broken. */
export function xlsxEntries(buf: Buffer, limits: XlsxLimits = XLSX_LIMITS): ZipEntry[] | null {
  const list = zipEntries(buf, limits);
  if (!list?.some((e) => e.name === 'xl/workbook.xml')) return null;
  return list;
}

/** Rows (`<row` elements) of the first worksheet part, header included (an estimate for the progress bar); null if it has none. */
export async function countSheetRows(buf: Buffer, list: ZipEntry[], limits: XlsxLimits = XLSX_LIMITS): Promise<number | null> {
  const budget = new InflateBudget(limits);
  const sheet = await firstSheet(buf, list, budget);
  if (!sheet) return null;
  // `<row ` or `<row>`, not `<rowBreaks`; only where the character after `<row` is known.
  const count = (s: string) => {
    let n = 0;
    for (let i = s.indexOf('<row'); i !== -1 && i + 4 < s.length; i = s.indexOf('<row', i + 4)) if (s[i + 4] === ' ' || s[i + 4] === '>') n++;
    return n;
  };
  let total = 0;
  let carry = '';
  for await (const chunk of inflateChunks(buf, sheet, budget)) {
    // The last 4 characters may start a tag that ends in the next chunk: they go round again.
    const s = carry + chunk.toString('latin1');
    total += count(s);
    carry = s.slice(-4);
    if (total > limits.rows + 1) throw new XlsxError('members.import.tooManyRows', { max: limits.rows });
  }
  return total;
}
