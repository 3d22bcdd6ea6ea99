// Helpers of the tests that walk every endpoint of the API's OpenAPI document
// (tests/api/region-walk.test.ts, tests/api/unmasked-audit.test.ts): the GET paths, a list read
// page by page, and records of one region in every resource, created through the API.
import { crc32, deflateSync } from 'node:zlib';
import { hash } from '@node-rs/argon2';
import { expect } from 'vitest';
import { DEMO_PASSWORD, idNumberFor } from '../../prisma/seed/factories.ts';
import { clubToday } from '../../server/src/calendar/calendar.service.ts';
import type { Role } from '../../server/src/generated/prisma/enums.ts';
import type { ApiResponse, RunningApi } from './api.ts';
import type { TestDatabase } from './database.ts';
import type { ApiFixture } from './fixture.ts';
import { applicationFor, householdIn } from './member-payload.ts';

/** Every GET path of the OpenAPI document (as written there: /api/cards/{id}). */
export async function openApiGetPaths(api: RunningApi): Promise<string[]> {
  // SwaggerModule.setup('api/docs', …) in server/src/create-app.ts serves the document here.
  const doc = await api.call('GET', '/api/docs-json');
  expect(doc.status).toBe(200);
  const paths = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>)
    .filter(([, ops]) => 'get' in ops)
    .map(([p]) => p);
  expect(paths.length).toBeGreaterThan(20);
  return paths.sort();
}

/** A path with its parameters filled in: fill('/api/x/{id}/y/{docId}', { id: 1, docId: 2 }). */
export function fill(path: string, params: Record<string, string | number>): string {
  return path.replace(/\{(\w+)\}/g, (_, k: string) => {
    if (!(k in params)) throw new Error(`no value for {${k}} of ${path}`);
    return encodeURIComponent(String(params[k]));
  });
}

/** All rows of a list, page by page (simple-rest _start/_end, X-Total-Count), at most `maxRows`. */
export async function readWholeList(
  api: RunningApi,
  path: string,
  token: string,
  opts: { rows?: (body: any) => any[]; pageSize?: number; maxRows?: number } = {},
): Promise<{ status: number; rows: any[]; responses: ApiResponse[] }> {
  const pageSize = opts.pageSize ?? 500;
  const maxRows = opts.maxRows ?? 20_000;
  const rows: any[] = [];
  const responses: ApiResponse[] = [];
  for (let start = 0; start < maxRows; start += pageSize) {
    const sep = path.includes('?') ? '&' : '?';
    const r = await api.call('GET', `${path}${sep}_start=${start}&_end=${start + pageSize}`, { token });
    responses.push(r);
    if (r.status !== 200) return { status: r.status, rows, responses };
    const page = opts.rows ? opts.rows(r.body) : (r.body as any[]);
    expect(Array.isArray(page), `${path}: a list answers an array`).toBe(true);
    rows.push(...page);
    const total = Number(r.headers.get('x-total-count') ?? NaN);
    if (page.length < pageSize || (Number.isFinite(total) && start + pageSize >= total)) break;
  }
  return { status: 200, rows, responses };
}

/** A staff account for a test (there is no staff API); the demo password. */
export async function createStaff(t: TestDatabase, username: string, role: Role, regionCode: string | null): Promise<void> {
  await t.db.staffUser.create({ data: { username, displayName: username, role, regionCode, passwordHash: await hash(DEMO_PASSWORD) } });
}

const today = () => clubToday().toISOString().slice(0, 10);

function ok(r: ApiResponse, what: string) {
  expect([200, 201], `${what}: ${r.status} ${JSON.stringify(r.body)}`).toContain(r.status);
  return r.body;
}

async function multipart(api: RunningApi, path: string, token: string, fields: Record<string, string>, file: { bytes: Buffer; name: string }) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  fd.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
  const res = await fetch(`${api.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'accept-language': 'zh-CN' }, body: fd });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null } as ApiResponse;
}

/** A real 1×1 PNG (uploads are checked to be what they claim). */
function onePixelPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 200, 120, 40]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const PNG = onePixelPng();

export interface RegionRecords {
  memberId: number;
  householdId: number;
  projectId: number;
  cardId: number;
  reissueId: number;
  exceptionId: number;
  feeEntryId: number;
  statementId: number;
  groupStatementId: number;
  applicationId: number;
  documentId: number;
  batchId: number;
  changeRequestId: number;
  dataUseRequestId: number;
  importId: number;
}

/**
 * At least one record of `regionCode` in every resource the seed does not fill (the seed makes
 * regions, projects, buildings, units, households and members), created through the API: by the
 * group's officer and club manager, and where only someone of the region can (the region's own
 * statement, an import, a data-use request), by a user of the region — `regionalOfficer` (a
 * member officer of the region) and `regionalRequester` (anyone of the region). Also leaves
 * personal data in the answers: a collector's phone, a changed mobile in the member's history.
 */
export async function createRegionRecords(
  t: TestDatabase,
  api: RunningApi,
  tokens: { officer: string; manager: string; regionalOfficer: string; regionalRequester: string },
  regionCode: string,
): Promise<RegionRecords> {
  const { officer, manager, regionalOfficer, regionalRequester } = tokens;
  const project = await t.db.project.findFirstOrThrow({ where: { regionCode, newlyLaunched: false }, orderBy: { id: 'asc' } });
  // A member of the region whose household still has room for a card.
  const member = await t.db.member.findFirstOrThrow({
    where: { regionCode, projectId: project.id, cardHolder: false, status: 'ACTIVE', household: { activeCards: 0 } },
    orderBy: { id: 'asc' },
  });

  ok(await api.call('POST', '/api/card-ranges', { token: manager, body: { prefix: `W${regionCode}`, fromNo: 1, toNo: 99_999, digits: 6, projectId: project.id } }), 'card range');
  const card = ok(await api.call('POST', `/api/members/${member.id}/cards`, { token: officer }), 'card');
  ok(await api.call('POST', `/api/cards/${card.id}/ready`, { token: officer, body: { ownerPhoned: true } }), 'card ready');
  ok(
    await api.call('POST', `/api/cards/${card.id}/issue`, {
      token: officer,
      body: { collectorName: '代领人', collectorPhone: '13811112222', collectorSigned: true, collectorIdChecked: true },
    }),
    'card issued',
  );
  const reissue = ok(await api.call('POST', `/api/cards/${card.id}/reissue-requests`, { token: officer, body: { reason: 'LOST', note: '走访时遗失' } }), 'reissue request');
  const exception = ok(
    await api.call('POST', '/api/card-limit-exceptions', { token: officer, body: { householdId: member.householdId, reason: '三代同堂，需第三张卡' } }),
    'card-limit exception',
  );
  const fee = ok(await api.call('POST', '/api/fee-entries', { token: officer, body: { kind: 'NEW_CARD', projectId: project.id, paidOn: '2026-05-10' } }), 'fee entry');
  const statement = ok(await api.call('POST', '/api/fee-statements', { token: regionalOfficer, body: { year: 2026, quarter: 2 } }), 'regional statement');
  const groupStatement = ok(await api.call('POST', '/api/fee-statements', { token: manager, body: { year: 2026, quarter: 2 } }), 'group statement');

  const h = await householdIn(t.db, regionCode);
  const { householdId: _h, ownerId: _o, ...form } = applicationFor(h, { idNumber: idNumberFor('320106', new Date('1985-06-15T00:00:00Z'), 'FEMALE', 9000 + Math.floor(Math.random() * 900)) });
  const application = ok(
    await api.call('POST', '/api/applications', {
      token: officer,
      body: {
        householdId: h.householdId,
        ownerId: h.ownerId,
        form,
        collectionPoint: 'MANAGEMENT_OFFICE',
        collectionPlace: '一期物业管理处',
        receivedOn: today(),
        documentsPresent: ['ID_COPY', 'PHOTO', 'DEED_OR_CONTRACT', 'SIGNED_FORM'],
      },
    }),
    'application',
  );
  const document = ok(await multipart(api, `/api/applications/${application.id}/documents`, officer, { kind: 'PHOTO' }, { bytes: PNG, name: 'photo.png' }), 'document');
  const batch = ok(
    await api.call('POST', '/api/pickup-batches', {
      token: officer,
      body: { pickupOn: today(), collectionPoint: 'MANAGEMENT_OFFICE', collectionPlace: '一期物业管理处', handedOverBy: '物业 王前台', applicationIds: [application.id] },
    }),
    'pickup batch',
  );
  const changeRequest = ok(
    await api.call('POST', '/api/change-requests', {
      token: officer,
      body: { memberId: member.id, channel: 'FAX', receivedOn: today(), description: '会员传真要求变更手机号码', changes: { mobile: '13722223333' } },
    }),
    'change request',
  );
  ok(await api.call('PATCH', `/api/members/${member.id}`, { token: officer, body: { mobile: '13633334444' } }), 'member edit (history)');
  const dataUse = ok(
    await api.call('POST', '/api/data-use-requests', {
      token: regionalRequester,
      body: { department: '营销部', informationKinds: ['PHONE'], purpose: '区域业主回访', validDays: 7 },
    }),
    'data-use request',
  );
  const template = await fetch(`${api.baseUrl}/api/imports/template.xlsx`, { headers: { authorization: `Bearer ${regionalOfficer}` } });
  expect(template.status).toBe(200);
  const job = ok(
    await multipart(api, '/api/imports', regionalOfficer, { mode: 'VALID_ONLY' }, { bytes: Buffer.from(await template.arrayBuffer()), name: '会员导入.xlsx' }),
    'import',
  );

  return {
    memberId: member.id,
    householdId: member.householdId,
    projectId: project.id,
    cardId: card.id,
    reissueId: reissue.id,
    exceptionId: exception.id,
    feeEntryId: fee.id,
    statementId: statement.id,
    groupStatementId: groupStatement.id,
    applicationId: application.id,
    documentId: document.id,
    batchId: batch.id,
    changeRequestId: changeRequest.id,
    dataUseRequestId: dataUse.id,
    importId: job.id,
  };
}

/**
 * The walking files' common set-up: a member officer of `regionCode` (`officer_<region>`, for what
 * only someone of the region can make: its own fee statement, an import), then createRegionRecords
 * by the group's officer and club manager, that officer and the region's marketing user. The
 * officer's and manager's tokens stay in `f.tokens`.
 */
export async function walkRecordsIn(f: ApiFixture, regionCode: string): Promise<RegionRecords> {
  const regional = `officer_${regionCode.toLowerCase()}`;
  await createStaff(f.t, regional, 'member_officer', regionCode);
  const [officer, manager, regionalOfficer, regionalRequester] = await Promise.all(['officer', 'manager', regional, 'marketing'].map((u) => f.token(u)));
  return createRegionRecords(f.t, f.api, { officer, manager, regionalOfficer, regionalRequester }, regionCode);
}
