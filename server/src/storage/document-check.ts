import { inflateSync } from 'node:zlib';
import { AppError } from '../common/app-error.js';
import { sniffType } from './file-storage.js';

/**
 * M-5 uploads (ID copies, photos, deeds, signed forms) are personal data that staff open in a
 * browser, so a file must be what its first bytes say, and carry nothing a browser or a PDF
 * viewer would run:
 * - JPEG and PNG: no HTML or script markup may appear anywhere in the bytes (an HTML page behind
 *   a PNG signature is refused);
 * - PDF: no JavaScript (`/JavaScript`, `/JS`, and so no `/OpenAction` running it) and no
 *   `/Launch` action, in the file or in any of its Flate-compressed streams (object streams
 *   included, up to 64 MB inflated in all); names written with `#xx` escapes count.
 * Downloads are served as attachments with `nosniff` besides (applications.controller.ts).
 */
export type DocumentType = 'image/jpeg' | 'image/png' | 'application/pdf';

const refuse = (what: string) => new AppError(400, 'uploads.activeContent', { what }, { file: { key: 'uploads.activeContent', params: { what } } });

/** HTML and script markup, lower case; any one of these in an image is refused. */
const MARKUP = ['<html', '<!doctype', '<script', '<body', '<head', '<iframe', '<svg', '<object', '<embed', '<meta', '<?php', 'javascript:', 'onload=', 'onerror='];

function markupIn(bytes: Buffer): string | null {
  const text = bytes.toString('latin1').toLowerCase();
  for (const m of MARKUP) if (text.includes(m)) return m;
  return null;
}

/** PDF names with their `#xx` escapes decoded. */
function pdfNames(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\/([^\s/<>[\]()%{}]+)/g)) {
    const name = m[1].includes('#') ? m[1].replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))) : m[1];
    out.add(name);
  }
  return out;
}

const PDF_ACTIVE = ['JavaScript', 'JS', 'Launch'];
const PDF_INFLATE_BUDGET = 64 * 1024 * 1024;

function pdfActiveContent(b: Buffer): string | null {
  const texts = [b.toString('latin1')];
  // The streams: object streams (PDF 1.5+) can hold the dictionaries themselves.
  let budget = PDF_INFLATE_BUDGET;
  const raw = texts[0];
  for (let i = raw.indexOf('stream'); i !== -1 && budget > 0; i = raw.indexOf('stream', i + 6)) {
    if (raw.startsWith('endstream', i - 3)) continue;
    let start = i + 6;
    if (raw[start] === '\r') start++;
    if (raw[start] === '\n') start++;
    const end = raw.indexOf('endstream', start);
    if (end === -1) break;
    const dict = raw.slice(Math.max(0, raw.lastIndexOf('<<', i)), i);
    if (dict.includes('FlateDecode') || dict.includes('Fl ') || dict.includes('/Fl/') || dict.includes('/Fl]')) {
      try {
        const out = inflateSync(b.subarray(start, end), { maxOutputLength: budget, finishFlush: 2 /* Z_SYNC_FLUSH: tolerate a cut stream */ });
        budget -= out.length;
        texts.push(out.toString('latin1'));
      } catch {
        budget = 0; // more than the budget, or not deflate data: what is left stays unread
      }
    }
    i = end;
  }
  for (const t of texts) {
    const names = pdfNames(t);
    for (const a of PDF_ACTIVE) if (names.has(a)) return `/${a}`;
  }
  return null;
}

/** The type of an uploaded document from its content; a 400 with the reason when it is not acceptable. */
export function checkDocument(bytes: Buffer): DocumentType {
  const type = sniffType(bytes);
  if (!type) throw new AppError(400, 'applications.fileType', {}, { file: { key: 'applications.fileType' } });
  if (type === 'application/pdf') {
    const active = pdfActiveContent(bytes);
    if (active) throw refuse(active);
    return type;
  }
  const markup = markupIn(bytes);
  if (markup) throw refuse(markup);
  return type;
}
