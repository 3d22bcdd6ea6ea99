// Every answer an API test receives is checked against the body the OpenAPI document gives for
// its route (server/src/openapi/responses.generated.json, written from the mappers' and services'
// types): a 2xx JSON answer that does not fit fails the call that received it, so the document
// cannot drift from what the API sends without a test noticing.
import { misfits } from './response-schema.ts';

type Schema = Record<string, any>;
interface Route {
  method: string;
  pattern: RegExp;
  params: number;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

export interface ResponseContract {
  check(method: string, path: string, status: number, contentType: string | null, body: unknown): void;
}

function resolve(schema: Schema, components: Record<string, Schema>): Schema {
  const ref = schema.$ref as string | undefined;
  return ref ? components[ref.replace('#/components/schemas/', '')] ?? {} : schema;
}

export function responseContract(doc: { paths: Record<string, Record<string, any>>; components?: { schemas?: Record<string, Schema> } }): ResponseContract {
  const components = doc.components?.schemas ?? {};
  const routes: Route[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    const params = (path.match(/\{/g) ?? []).length;
    // `{id}` matches one path segment; the rest of the path is literal (no regex characters in our paths but `.`).
    const pattern = new RegExp(`^${path.replace(/\./g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    for (const [method, op] of Object.entries(ops)) routes.push({ method: method.toUpperCase(), pattern, params, responses: op.responses ?? {} });
  }
  // A fixed segment wins over a parameter: /api/cards/export before /api/cards/{id}.
  routes.sort((a, b) => a.params - b.params);
  return {
    check(method, rawPath, status, contentType, body) {
      if (status < 200 || status >= 300 || !(contentType ?? '').includes('json')) return;
      const path = rawPath.split('?')[0]!;
      const route = routes.find((r) => r.method === method.toUpperCase() && r.pattern.test(path));
      const schema = route?.responses[String(status)]?.content?.['application/json']?.schema;
      if (!schema) return;
      const found = misfits(resolve(schema, components), body, '$', [], (s) => resolve(s, components));
      if (found.length) throw new Error(`${method} ${rawPath} → ${status}: the answer does not fit the OpenAPI document (npm run openapi writes it from the server's types):\n  ${found.slice(0, 10).join('\n  ')}`);
    },
  };
}
