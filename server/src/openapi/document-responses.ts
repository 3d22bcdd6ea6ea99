// Puts the response bodies into the OpenAPI document: responses.generated.json holds, per
// operation, the JSON schema of what the handler returns, written by `npm run openapi` from the
// same mapper and service types the admin imports (scripts/lib/openapi-responses.ts).
import { readFileSync } from 'node:fs';
import type { OpenAPIObject } from '@nestjs/swagger';

export type JsonSchema = Record<string, unknown>;

/** One route's documented success answer. */
export interface DocumentedResponse {
  /** Where the route is declared (file and method, no line: moving code must not change the file). */
  source: string;
  status: number;
  /** A list route: the body is an array of the rows and the total travels in X-Total-Count. */
  list: boolean;
  schema: JsonSchema;
}

/**
 * What responses.generated.json holds: operationId (Nest's default, `<Controller>_<method>`) →
 * its answer; routes that send a file instead of JSON; and the schemas several routes share,
 * referred to as `#/components/schemas/<name>`.
 */
export interface ResponseMap {
  operations: Record<string, DocumentedResponse>;
  files: string[];
  schemas: Record<string, JsonSchema>;
}

const FILE = new URL('./responses.generated.json', import.meta.url);
const DESCRIPTIONS: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No content' };
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

let cached: ResponseMap | undefined;
function responses(): ResponseMap {
  return (cached ??= JSON.parse(readFileSync(FILE, 'utf8')) as ResponseMap);
}

/** Each operation's success answer, from its operationId (`<Controller>_<method>`). */
export function withResponseBodies(doc: OpenAPIObject): OpenAPIObject {
  const { operations: known, schemas, files } = responses();
  const sendsFile = new Set(files);
  doc.components = { ...doc.components, schemas: { ...doc.components?.schemas, ...schemas } };
  for (const ops of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op = ops[method];
      if (!op?.operationId) continue;
      // A handler serving several paths is `<Controller>_<method>[n]` there.
      const id = op.operationId.replace(/\[\d+\]$/, '');
      if (sendsFile.has(id)) {
        op.responses = { ...op.responses, 200: { description: 'A file to download', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } } };
        continue;
      }
      const documented = known[id];
      if (!documented) continue;
      const { status, list, schema } = documented;
      const answer: Record<string, unknown> = { description: DESCRIPTIONS[status] ?? 'OK' };
      if (status !== 204) answer.content = { 'application/json': { schema } };
      if (list) answer.headers = { 'X-Total-Count': { description: 'Rows matching the filters, all pages', schema: { type: 'integer' } } };
      op.responses = { ...op.responses, [status]: answer };
    }
  }
  return doc;
}
