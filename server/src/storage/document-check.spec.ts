import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AppError } from '../common/app-error.js';
import { checkDocument } from './document-check.js';

const PNG_SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const pdf = (body: string) => Buffer.from(`%PDF-1.7\n${body}\n%%EOF\n`, 'latin1');

function refusal(bytes: Buffer): { key: string; what?: unknown } {
  try {
    checkDocument(bytes);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { key: e.key, what: e.params.what };
  }
  throw new Error('accepted');
}

describe('checkDocument (M-5 uploads)', () => {
  it('takes JPEG, PNG and plain PDF by their content', () => {
    expect(checkDocument(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 7)]))).toBe('image/jpeg');
    expect(checkDocument(Buffer.concat([PNG_SIG, Buffer.alloc(100, 3)]))).toBe('image/png');
    expect(checkDocument(pdf('1 0 obj << /Type /Catalog /Pages 2 0 R /JSON 1 >> endobj'))).toBe('application/pdf');
    expect(refusal(Buffer.from('GIF89a')).key).toBe('applications.fileType');
  });

  it('refuses HTML or script behind an image signature, in any case', () => {
    expect(refusal(Buffer.concat([PNG_SIG, Buffer.from('<HTML><Script>alert(1)</Script>')]))).toEqual({ key: 'uploads.activeContent', what: '<html' });
    expect(refusal(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<svg onload=alert(1)>')])).key).toBe('uploads.activeContent');
  });

  it('refuses PDF JavaScript and launch actions, written plainly, #-escaped or inside a Flate stream', () => {
    expect(refusal(pdf('<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>')).what).toBe('/JavaScript');
    expect(refusal(pdf('<< /AA << /O << /S /J#61vaScript /J#53 (x) >> >> >>')).key).toBe('uploads.activeContent');
    expect(refusal(pdf('<< /OpenAction << /S /Launch /F (cmd.exe) >> >>')).what).toBe('/Launch');
    const hidden = deflateSync(Buffer.from('<< /S /JS /JS (app.alert(1)) >>', 'latin1'));
    const objStm = Buffer.concat([Buffer.from(`%PDF-1.7\n1 0 obj << /Type /ObjStm /Filter /FlateDecode /Length ${hidden.length} >>\nstream\r\n`, 'latin1'), hidden, Buffer.from('\r\nendstream\nendobj\n', 'latin1')]);
    expect(refusal(objStm).what).toBe('/JS');
  });
});
