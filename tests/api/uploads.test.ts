// Hostile uploads: import sheets built to exhaust the reader, files over the size of their kind,
// and documents whose content is not what their first bytes say (M-4, M-5; Hardening).
import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { idNumberFor } from '../../prisma/seed/factories.ts';
import { clubToday } from '../../server/src/calendar/calendar.service.ts';
import { useApi } from '../support/fixture.ts';
import { directoryPastEof, localOffsetPastEof, sharedStringsBomb, unclosedFirstRow } from '../support/hostile-xlsx.ts';
import { applicationFor, householdIn } from '../support/member-payload.ts';

// Uploaded files go to the fixture's own data folder.
const f = useApi({ members: 60, users: ['officer'] });

/** The officer's upload, timed. */
async function post(path: string, fields: Record<string, string>, file: Buffer, name: string, lang = 'zh-CN') {
  const t0 = performance.now();
  const r = await f.upload(path, { token: f.tokens.officer, fields, file: { name, type: '', data: file }, lang });
  return { status: r.status, body: r.body, ms: performance.now() - t0 };
}
const importUpload = (file: Buffer, lang?: string) => post('/api/imports', { mode: 'VALID_ONLY' }, file, 'hostile.xlsx', lang);

describe('hostile import sheets are refused quickly with a 400 in the caller’s language', () => {
  it('a 1 MB shared-strings bomb', async () => {
    const bomb = await sharedStringsBomb();
    expect(bomb.length).toBeLessThan(1.5 * 2 ** 20);
    const zh = await importUpload(bomb);
    expect(zh.status).toBe(400);
    expect(zh.body.errors.file).toContain('文件解压后过大');
    expect(zh.ms).toBeLessThan(10_000);
    const en = await importUpload(bomb, 'en');
    expect(en.status).toBe(400);
    expect(en.body.errors.file).toContain('unpacks to too much data');
  });

  it('a first row that never closes', async () => {
    const r = await importUpload(await unclosedFirstRow());
    expect(r.status).toBe(400);
    expect(r.body.errors.file).toContain('第 1 行内容过长');
    expect(r.ms).toBeLessThan(5_000);
  });

  it('a zip whose directory, or a local header, points past the end of the file', async () => {
    for (const file of [directoryPastEof(), localOffsetPastEof()]) {
      const zh = await importUpload(file);
      expect(zh.status).toBe(400);
      expect(zh.body.errors.file).toContain('文件已损坏');
      const en = await importUpload(file, 'en');
      expect(en.body.errors.file).toContain('The file is damaged');
    }
    expect(await f.db.importJob.count()).toBe(0);
  });

  it('an import over 40 MB: 413 through the shared error filter', async () => {
    const big = Buffer.alloc(40 * 1024 * 1024 + 1024, 0x50);
    const zh = await importUpload(big);
    expect(zh.status).toBe(413);
    expect(zh.body).toMatchObject({ statusCode: 413, message: '文件不能超过 40 MB', errors: { file: '文件不能超过 40 MB' } });
    // Two files in one request: a 400, not a 500.
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(8)]), 'a.xlsx');
    form.append('file', new Blob([new Uint8Array(8)]), 'b.xlsx');
    const two = await fetch(`${f.api.baseUrl}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${f.tokens.officer}`, 'accept-language': 'en' }, body: form });
    expect(two.status).toBe(400);
    expect(((await two.json()) as any).message).toContain('one file');
    // A multipart body cut short, or without its boundary: a 400 too.
    for (const [type, body] of [
      ['multipart/form-data; boundary=XyZ', '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK'],
      ['multipart/form-data', 'no boundary at all'],
    ]) {
      const cut = await fetch(`${f.api.baseUrl}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${f.tokens.officer}`, 'content-type': type }, body });
      expect(cut.status).toBe(400);
      expect(((await cut.json()) as any).message).toBe('上传内容有误：请在 file 字段中只上传一个文件');
    }
  });
});

describe('application documents (M-5): checked against their content, served as downloads', () => {
  let appId: number;
  const upload = (kind: string, bytes: Buffer, name: string, lang?: string) => post(`/api/applications/${appId}/documents`, { kind }, bytes, name, lang);

  /** A real, minimal PNG (1×1). */
  function png(extra = Buffer.alloc(0)): Buffer {
    const chunk = (type: string, data: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      const crc = Buffer.alloc(4); // not checked by the API
      return Buffer.concat([len, Buffer.from(type, 'latin1'), data, crc]);
    };
    const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))), extra, chunk('IEND', Buffer.alloc(0))]);
  }
  const pdf = (body: string) => Buffer.from(`%PDF-1.7\n${body}\n%%EOF\n`, 'latin1');

  beforeAll(async () => {
    const h = await householdIn(f.db, 'NJ');
    const { householdId: _h, ownerId: _o, ...form } = applicationFor(h, { idNumber: idNumberFor('320106', new Date('1985-06-15T00:00:00Z'), 'FEMALE', 7001) });
    const r = await f.api.call('POST', '/api/applications', {
      token: f.tokens.officer,
      body: { householdId: h.householdId, ownerId: h.ownerId, form, collectionPoint: 'MANAGEMENT_OFFICE', collectionPlace: '一期物业管理处', receivedOn: clubToday().toISOString().slice(0, 10), documentsPresent: ['ID_COPY', 'PHOTO'] },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    appId = r.body.id;
  });

  it('refuses an HTML page behind a PNG signature, and a PDF with JavaScript (plain, #-escaped, or in a compressed object stream)', async () => {
    const html = Buffer.concat([png().subarray(0, 33), Buffer.from('<html><body><script>fetch("/api/members")</script></body></html>')]);
    const r = await upload('PHOTO', html, 'photo.png');
    expect(r.status).toBe(400);
    expect(r.body.errors.file).toContain('网页或脚本内容');
    expect((await upload('PHOTO', html, 'photo.png', 'en')).body.errors.file).toContain('web-page or script content');

    const openAction = pdf('1 0 obj << /Type /Catalog /OpenAction 2 0 R >> endobj\n2 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj');
    expect((await upload('ID_COPY', openAction, 'id.pdf')).body.errors.file).toContain('/JavaScript');
    const escaped = pdf('1 0 obj << /OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >> >> endobj');
    expect((await upload('ID_COPY', escaped, 'id.pdf')).status).toBe(400);
    const hidden = deflateSync(Buffer.from('<< /S /JavaScript /JS (app.alert(1)) >>', 'latin1'));
    const objStm = Buffer.concat([Buffer.from(`%PDF-1.7\n3 0 obj << /Type /ObjStm /Filter /FlateDecode /Length ${hidden.length} >>\nstream\n`, 'latin1'), hidden, Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1')]);
    const inStream = await upload('ID_COPY', objStm, 'id.pdf');
    expect(inStream.status).toBe(400);
    expect(inStream.body.errors.file).toContain('/J');
    expect(await f.db.applicationDocument.count({ where: { applicationId: appId } })).toBe(0);
  });

  it('takes a real PNG and a plain PDF, and serves them as attachments with nosniff', async () => {
    const ok = await upload('PHOTO', png(), '照片.png');
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const plain = await upload('ID_COPY', pdf('1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj'), '身份证.pdf');
    expect(plain.status, JSON.stringify(plain.body)).toBe(201);
    const got = await fetch(`${f.api.baseUrl}/api/applications/${appId}/documents/${ok.body.id}`, { headers: { authorization: `Bearer ${f.tokens.officer}` } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename="document"; filename\*=UTF-8''%E7%85%A7%E7%89%87\.png$/);
    expect(Buffer.from(await got.arrayBuffer()).equals(png())).toBe(true);
  });

  it('a document over 10 MB: 413 in the caller’s language, through the shared error filter', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 + 10)]);
    const en = await upload('ID_COPY', big, 'big.pdf', 'en');
    expect(en.status).toBe(413);
    expect(en.body).toMatchObject({ statusCode: 413, message: 'The file must be at most 10 MB', errors: { file: 'The file must be at most 10 MB' } });
  });
});
