import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { countSheetRows, xlsxEntries } from './xlsx-peek.js';
import { NotXlsxError, readSheet, unescapeXml } from './xlsx-reader.js';

async function rowsOf(buf: Buffer) {
  const out: { number: number; texts: string[] }[] = [];
  for await (const batch of readSheet(buf)) for (const r of batch) out.push({ number: r.number, texts: [...r.cells].map((c) => c?.text ?? '') });
  return out;
}

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
});
