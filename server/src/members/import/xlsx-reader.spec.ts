import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { directoryPastEof, entry, localOffsetPastEof, sharedStringsBomb, sheetBomb, smallWorkbook, unclosedFirstRow, workbookZip } from '../../../../tests/support/hostile-xlsx.ts';
import { countSheetRows, xlsxEntries } from './xlsx-peek.js';
import { NotXlsxError, readSheet, unescapeXml, XLSX_LIMITS, XlsxError, type XlsxLimits } from './xlsx-reader.js';

async function rowsOf(buf: Buffer, limits?: XlsxLimits) {
  const out: { number: number; texts: string[] }[] = [];
  for await (const batch of readSheet(buf, limits)) for (const r of batch) out.push({ number: r.number, texts: [...r.cells].map((c) => c?.text ?? '') });
  return out;
}

/** The message key an XlsxError carries, and how long the read took. */
async function refusal(read: () => Promise<unknown>): Promise<{ key: string; ms: number }> {
  const t0 = performance.now();
  try {
    await read();
  } catch (e) {
    if (!(e instanceof XlsxError)) throw e;
    return { key: e.key, ms: performance.now() - t0 };
  }
  throw new Error('the file was read without complaint');
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData>';
const sheetOf = (xml: string) => workbookZip(entry('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${xml}</sheetData></worksheet>`));

describe('xlsx reader', () => {
  it('reads shared strings, inline strings, numbers, rich text and gaps, in row order', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('会员');
    ws.addRow(['姓名', '电话', '备注']);
    ws.addRow(['张三 & 李四', 13912345678, { richText: [{ text: '喜欢' }, { text: '<高尔夫>' }] }]);
    ws.getCell('A4').value = '隔一行';
    const rows = await rowsOf(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows).toEqual([
      { number: 1, texts: ['姓名', '电话', '备注'] },
      { number: 2, texts: ['张三 & 李四', '13912345678', '喜欢<高尔夫>'] },
      { number: 4, texts: ['隔一行'] },
    ]);
  });

  it('never splits a Chinese character across chunks (exceljs WorkbookReader does) and counts rows ahead', async () => {
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false });
    const ws = wb.addWorksheet('会员');
    const name = (i: number) => `南京市鼓楼区中山路${i}号金陵御府${i % 7}栋`;
    for (let i = 0; i < 20_000; i++) ws.addRow([name(i), i]).commit();
    ws.commit();
    await wb.commit();
    const buf = Buffer.concat(chunks);
    const rows = await rowsOf(buf);
    expect(rows).toHaveLength(20_000);
    expect(rows.every((r, i) => r.texts[0] === name(i))).toBe(true);
    expect(await countSheetRows(buf, xlsxEntries(buf)!)).toBe(20_000);
  });

  it('refuses bytes that are not an xlsx', async () => {
    await expect(rowsOf(Buffer.from('a,b\n1,2\n'))).rejects.toBeInstanceOf(NotXlsxError);
    expect(xlsxEntries(Buffer.from('PK\u0003\u0004 not really'))).toBeNull();
  });

  it('unescapes XML entities', () => {
    expect(unescapeXml('a&amp;b &lt;c&gt; &#20013;&#x6587;')).toBe('a&b <c> 中文');
  });

  it('reads rows split across inflate chunks wherever the cut falls, and skips <rowBreaks>', async () => {
    const cells = (i: number) => `<c r="A${i}" t="inlineStr"><is><t>${'长'.repeat(5000)}${i}</t></is></c><c r="B${i}"><v>${i}</v></c>`;
    const rows = Array.from({ length: 40 }, (_, i) => `<row r="${i + 1}">${cells(i + 1)}</row>`).join('') + '<row r="41"/>';
    const buf = workbookZip(entry('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${rows}</sheetData><rowBreaks count="1"><brk id="3"/></rowBreaks></worksheet>`));
    const out = await rowsOf(buf);
    expect(out.map((r) => r.number)).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
    expect(out[39].texts).toEqual([`${'长'.repeat(5000)}40`, '40']);
    expect(await countSheetRows(buf, xlsxEntries(buf)!)).toBe(41);
  });

  it('refuses a shared-strings zip bomb (1 MB on the wire) quickly, without inflating it', async () => {
    const bomb = await sharedStringsBomb();
    expect(bomb.length).toBeLessThan(1.5 * 2 ** 20);
    const r = await refusal(() => rowsOf(bomb));
    expect(r.key).toBe('members.import.inflatedTooLarge');
    expect(r.ms).toBeLessThan(10_000);
  });

  it('refuses a first row that never closes, in time linear in the file (no rescanning)', async () => {
    const file = await unclosedFirstRow();
    const r = await refusal(() => rowsOf(file));
    expect(r.key).toBe('members.import.rowTooLong');
    expect(r.ms).toBeLessThan(2_000);
    // A row that stays open to the end of a small sheet is refused too (not silently dropped).
    expect((await refusal(() => rowsOf(sheetOf('<row r="1"><c r="A1"><v>1</v></c>')))).key).toBe('members.import.rowTooLong');
  });

  it('refuses a sheet bomb by its rows when counting ahead, and by the compression ratio when reading', async () => {
    const bomb = await sheetBomb(64 << 20);
    expect((await refusal(() => countSheetRows(bomb, xlsxEntries(bomb)!))).key).toBe('members.import.tooManyRows');
    const limits = { ...XLSX_LIMITS, rows: 10_000_000 };
    expect((await refusal(() => rowsOf(bomb, limits))).key).toBe('members.import.inflatedTooLarge');
  });

  it('refuses zips whose directory or local headers lie outside the file, and garbage deflate data', async () => {
    expect((await refusal(async () => xlsxEntries(directoryPastEof()))).key).toBe('members.import.badZip');
    const local = localOffsetPastEof();
    expect((await refusal(() => rowsOf(local))).key).toBe('members.import.badZip');
    expect((await refusal(() => countSheetRows(local, xlsxEntries(local)!))).key).toBe('members.import.badZip');
    // The sheet's deflate data overwritten with noise.
    const noisy = Buffer.from(smallWorkbook());
    const at = noisy.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length;
    for (let i = at; i < at + 20; i++) noisy[i] = 0xff;
    expect((await refusal(() => rowsOf(noisy))).key).toBe('members.import.badZip');
    // No end-of-directory record at all.
    expect((await refusal(async () => xlsxEntries(smallWorkbook().subarray(0, 200)))).key).toBe('members.import.badZip');
  });

  it('counts rows and columns against the limits', async () => {
    const limits = { ...XLSX_LIMITS, rows: 3, columns: 10 };
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    expect(await rowsOf(sheetOf(rows(4)), limits)).toHaveLength(4);
    expect((await refusal(() => rowsOf(sheetOf(rows(5)), limits))).key).toBe('members.import.tooManyRows');
    expect((await refusal(() => countSheetRows(sheetOf(rows(5)), xlsxEntries(sheetOf(rows(5)))!, limits))).key).toBe('members.import.tooManyRows');
    expect((await rowsOf(sheetOf('<row r="1"><c r="J1"><v>1</v></c></row>'), limits))[0].texts[9]).toBe('1');
    expect((await refusal(() => rowsOf(sheetOf('<row r="1"><c r="K1"><v>1</v></c></row>'), limits))).key).toBe('members.import.tooManyColumns');
    expect((await refusal(() => rowsOf(sheetOf('<row r="1"><c r="XFD1"><v>1</v></c></row>')))).key).toBe('members.import.tooManyColumns');
  });
});
