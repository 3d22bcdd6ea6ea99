// M-11: every unmasked read is written to the audit log. Users who may read personal data
// unmasked (the member officer; the club manager) walk every GET endpoint of the OpenAPI
// document; wherever an answer carries an unmasked phone, ID number, email, address or birthday,
// the audit log must hold a READ_UNMASKED (or, for a file, an EXPORT) entry of that very request
// (matched by the X-Request-Id the API answered with). The endpoints come from the document, so a
// new endpoint is walked automatically.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApi } from '../support/fixture.ts';
import { fill, openApiGetPaths, walkRecordsIn, type RegionRecords } from '../support/api-walk.ts';

// ---- What personal data looks like in an answer ----------------------------------------------------

const MOBILE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/;
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const FULL_DATE = /^\d{4}-\d{2}-\d{2}/;

/** The kinds of unmasked personal data in a value, with where they were found (masked values hold '*'). */
export function personalData(value: unknown, path = '$', found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (MOBILE.test(value)) found.push(`phone at ${path}`);
    if (ID_NUMBER.test(value)) found.push(`ID number at ${path}`);
    if (EMAIL.test(value)) found.push(`email at ${path}`);
    const key = path.split('.').at(-1) ?? '';
    // A person's address (homeAddress, mailingAddress, employerAddress); a project's plain `address` is a place, not a person's.
    if (/.Address$/.test(key) && value.length > 6 && !value.includes('*')) found.push(`address at ${path}`);
    if (/birth/i.test(key) && FULL_DATE.test(value)) found.push(`birthday at ${path}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => personalData(v, `${path}[${i}]`, found));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) personalData(v, `${path}.${k}`, found);
  }
  return found;
}

async function cellsOf(xlsx: ArrayBuffer): Promise<Record<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx);
  const cells: Record<string, string> = {};
  wb.eachSheet((sheet) => {
    const headers: string[] = [];
    sheet.eachRow((row, r) => {
      row.eachCell((cell, c) => {
        const text = cell.text ?? String(cell.value ?? '');
        if (r === 1) headers[c] = text;
        else {
          // The header tells addresses and birthdays apart, as a JSON key would.
          const h = headers[c] ?? '';
          const kind = /地址|address/i.test(h) ? 'cellAddress' : /出生|生日|birth/i.test(h) ? 'birthDate' : 'cell';
          cells[`${sheet.name}!R${r}C${c}.${kind}`] = text;
        }
      });
    });
  });
  return cells;
}

// ---- The walk --------------------------------------------------------------------------------------

/**
 * Answers that are neither JSON nor a workbook, so the patterns cannot be read in them; each with
 * the reason it is covered elsewhere. A new endpoint of another type fails until it is listed.
 */
const OTHER_FILES: Record<string, string> = {
  '/api/applications/{id}/documents/{docId}': 'an uploaded document (ID copy, photo): every read is audited as READ_UNMASKED, tested in applications.test.ts',
  '/api/docs-json': 'the OpenAPI document',
};

/** Answers whose matches are not anyone's personal data, with the reason. */
const NOT_PERSONAL: Record<string, string> = {
  '/api/imports/template.xlsx': 'the template’s second row is a made-up example of how to fill it in',
};

/**
 * TEMPORARY — unaudited unmasked reads in areas other engineers are changing right now. Each runs as
 * an expected failure (`it.fails`) and fails once fixed, so whoever fixes it removes the entry.
 */
const KNOWN_UNAUDITED_BEING_FIXED: Record<string, string> = {};

/** Path parameters for endpoints whose values do not come from the list above them. */
function explicitParams(path: string, made: RegionRecords): Record<string, string | number>[] | undefined {
  switch (path) {
    case '/api/members/{id}/history':
      return [{ id: made.memberId }];
    case '/api/applications/{id}/documents/{docId}':
      return [{ id: made.applicationId, docId: made.documentId }];
    default:
      return undefined;
  }
}

const f = useApi({ members: 80 });
let paths: string[];
let made: RegionRecords;
const readers: Record<string, string> = {};

beforeAll(async () => {
  // Records of every resource, with personal data in them (a collector's phone, a changed mobile, a form).
  made = await walkRecordsIn(f, 'NJ');
  // The same sessions that made the records.
  readers.officer = await f.token('officer');
  readers.manager = await f.token('manager');
  paths = await openApiGetPaths(f.api);
}, 120_000);

interface Read {
  url: string;
  status: number;
  requestId: string | null;
  kind: 'json' | 'xlsx' | 'other';
  personal: string[];
}

async function read(url: string, token: string): Promise<Read> {
  const res = await fetch(`${f.api.baseUrl}${url}`, { headers: { authorization: `Bearer ${token}`, 'accept-language': 'zh-CN' } });
  const type = res.headers.get('content-type') ?? '';
  const requestId = res.headers.get('x-request-id');
  if (type.includes('json')) {
    const body = await res.json();
    return { url, status: res.status, requestId, kind: 'json', personal: res.status < 300 ? personalData(body) : [] };
  }
  const bytes = await res.arrayBuffer();
  if (type.includes('spreadsheetml') && res.status < 300) return { url, status: res.status, requestId, kind: 'xlsx', personal: personalData(await cellsOf(bytes)) };
  return { url, status: res.status, requestId, kind: 'other', personal: [] };
}

/** Concrete URLs of a path: itself, or its parameters from the first rows of the list above it. */
async function urlsOf(path: string, token: string): Promise<string[]> {
  if (!path.includes('{')) return [path];
  const explicit = explicitParams(path, made);
  if (explicit) return explicit.map((p) => fill(path, p));
  const list = path.slice(0, path.indexOf('/{'));
  const r = await f.api.call('GET', `${list}?_start=0&_end=3`, { token });
  if (r.status !== 200 || !Array.isArray(r.body)) return [];
  const param = /\{(\w+)\}/.exec(path)![1];
  return r.body.slice(0, 3).map((row: Record<string, string | number>) => fill(path, { [param]: row[param] ?? row.id }));
}

async function auditedActions(requestId: string): Promise<string[]> {
  const rows = await f.db.auditLog.findMany({ where: { requestId }, select: { action: true } });
  return rows.map((r) => r.action);
}

const seen = new Map<string, string[]>();
const knownFailures: string[] = [];

describe('M-11: every answer with unmasked personal data is an audited read', () => {
  for (const who of ['officer', 'manager'] as const) {
    it(`walks every GET endpoint as ${who}; each answer carrying personal data has its audit entry`, async () => {
      const token = readers[who];
      const unaudited: string[] = [];
      const unreadable: string[] = [];
      const expectedFailures: string[] = [];
      for (const path of paths) {
        for (const url of await urlsOf(path, token)) {
          const r = await read(url, token);
          if (r.kind === 'other' && r.status < 300 && !(path in OTHER_FILES)) unreadable.push(`${path} (${url})`);
          if (!r.personal.length || path in NOT_PERSONAL) continue;
          seen.set(path, r.personal);
          expect(r.requestId, `${url}: no X-Request-Id`).toBeTruthy();
          const actions = await auditedActions(r.requestId!);
          const ok = r.kind === 'xlsx' ? actions.includes('EXPORT') || actions.includes('READ_UNMASKED') : actions.includes('READ_UNMASKED');
          const what = `${url} (${r.personal.slice(0, 3).join(', ')})`;
          if (!ok) (path in KNOWN_UNAUDITED_BEING_FIXED ? expectedFailures.push(`${path} ← ${what}`) : unaudited.push(what));
        }
      }
      expect(unreadable, 'answers neither JSON nor a workbook: list each in OTHER_FILES with the reason').toEqual([]);
      expect(unaudited, `${who}: unmasked personal data answered without a READ_UNMASKED entry of the request`).toEqual([]);
      knownFailures.push(...expectedFailures);
    }, 120_000);
  }

  for (const [path, why] of Object.entries(KNOWN_UNAUDITED_BEING_FIXED)) {
    it.fails(`${path} [KNOWN, expected to fail until fixed: ${why}]`, () => {
      expect(knownFailures.filter((f) => f.startsWith(`${path} ←`))).toEqual([]);
    });
  }

  it('the walk recognises personal data where it is known to be (so it can fail)', () => {
    for (const p of ['/api/members', '/api/members/{id}', '/api/cards', '/api/cards/{id}', '/api/card-reissue-requests', '/api/card-reissue-requests/{id}', '/api/applications/{id}']) {
      expect(seen.get(p), p).toBeTruthy();
    }
    expect(personalData({ mobile: '139****5678', idNumber: '3201**********1234', homeAddress: '南京市鼓楼区****', birthDate: '1985-**-**', email: 'l***@example.cn' })).toEqual([]);
    expect(personalData({ memberMobile: '13912345678', x: { idNumber: '32010619850615002X', homeAddress: '南京市鼓楼区中山路100号', birthDate: '1985-06-15', email: 'a@b.cn' } })).toHaveLength(5);
  });
});
