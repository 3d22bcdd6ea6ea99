// The OpenAPI document's response bodies come from the server's own declarations (the mappers'
// and services' return types, read by scripts/lib/openapi-responses.ts). Here: the committed copy
// is what those declarations give today, every route documents its answer, and the check that
// every API test's answers go through (tests/support/response-contract.ts) does catch a misfit.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RESPONSES_FILE, documentResponses, serialize } from '../scripts/lib/openapi-responses.ts';
import { useApi } from './support/fixture.ts';
import { responseContract } from './support/response-contract.ts';
import { misfits } from './support/response-schema.ts';

const f = useApi({ seed: false, users: [] });

describe('response bodies in the OpenAPI document', () => {
  it('are what the server’s types say today (else: npm run openapi)', { timeout: 120_000 }, () => {
    const committed = readFileSync(RESPONSES_FILE, 'utf8');
    expect(serialize(documentResponses()) === committed, 'server/src/openapi/responses.generated.json is out of date: run `npm run openapi` and commit it').toBe(true);
  });

  it('document a JSON body, a file or no content for every operation', async () => {
    const doc = (await f.call('GET', '/api/docs-json')).body as { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, unknown> } };
    const undocumented: string[] = [];
    let json = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const success = Object.entries(op.responses ?? {}).find(([code]) => code.startsWith('2'));
        const content = (success?.[1] as any)?.content;
        if (!success || (success[0] !== '204' && !content)) undocumented.push(`${method.toUpperCase()} ${path}`);
        const schema = content?.['application/json']?.schema;
        if (schema) json++;
        if (schema?.$ref) expect(doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')], schema.$ref).toBeDefined();
      }
    }
    expect(undocumented).toEqual([]);
    expect(json).toBeGreaterThan(100);
    // A list documents its rows and the total header.
    const members = doc.paths['/api/members']!.get.responses['200'];
    expect(members.headers['X-Total-Count']).toBeDefined();
    expect(members.content['application/json'].schema.type).toBe('array');
    expect(members.content['application/json'].schema.items.required).toContain('idNumber');
  });

  it('are enforced: an answer with a wrong type, a missing or an extra field, or an unexpected null fails', async () => {
    const schema = {
      type: 'object',
      properties: { id: { type: 'number' }, status: { type: 'string', enum: ['ACTIVE', 'LEFT'] }, at: { type: 'string', format: 'date-time' }, note: { type: 'string', nullable: true }, tags: { type: 'array', items: { type: 'string' } } },
      required: ['id', 'status'],
      additionalProperties: false,
    };
    expect(misfits(schema, { id: 1, status: 'ACTIVE', at: '2026-12-02T08:00:00.000Z', note: null, tags: ['a'] })).toEqual([]);
    expect(misfits(schema, { id: '1', status: 'ACTIVE' })).toEqual(['$.id: string where a number is documented']);
    expect(misfits(schema, { id: 1, status: 'GONE' })).toEqual(['$.status: "GONE" is not one of ["ACTIVE","LEFT"]']);
    expect(misfits(schema, { id: 1 })).toEqual(['$.status: documented as always there, missing']);
    expect(misfits(schema, { id: 1, status: 'LEFT', extra: true })).toEqual(['$.extra: not in the document']);
    expect(misfits(schema, { id: 1, status: 'LEFT', at: '2026-12-02' })).toEqual(['$.at: 2026-12-02 is not a date-time']);
    expect(misfits(schema, { id: null, status: 'LEFT', tags: [1] })).toEqual(['$.id: null where the document says {"type":"number"}', '$.tags[0]: number where a string is documented']);

    // And through the real document: the health answer with a field it does not have.
    const doc = (await f.call('GET', '/api/docs-json')).body;
    const contract = responseContract(doc);
    const health = await f.call('GET', '/api/health');
    expect(health.status).toBe(200);
    expect(() => contract.check('GET', '/api/health', 200, 'application/json', health.body)).not.toThrow();
    expect(() => contract.check('GET', '/api/health', 200, 'application/json', { ...health.body, surprise: 1 })).toThrow(/surprise: not in the document/);
  });
});
