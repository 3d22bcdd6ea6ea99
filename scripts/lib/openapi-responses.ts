// The response bodies of the OpenAPI document, taken from the same declarations the admin imports
// as types (server/src/**/*.mapper.ts and the services' return types): the TypeScript checker reads
// every controller's routes and turns what each handler returns into a JSON schema. The result is
// committed as server/src/openapi/responses.generated.json; `npm run openapi` writes it again and
// tests/openapi-responses.test.ts fails when it is out of date or when an answer does not fit it.
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { DocumentedResponse, JsonSchema, ResponseMap } from '../../server/src/openapi/document-responses.ts';

export type { DocumentedResponse, JsonSchema, ResponseMap };

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ROUTE_DECORATORS = new Set(['Get', 'Post', 'Patch', 'Put', 'Delete']);

function decoratorsOf(node: ts.Node): { name: string; args: readonly ts.Expression[] }[] {
  const out: { name: string; args: readonly ts.Expression[] }[] = [];
  for (const d of ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : []) {
    const e = d.expression;
    if (ts.isCallExpression(e) && ts.isIdentifier(e.expression)) out.push({ name: e.expression.text, args: e.arguments });
    else if (ts.isIdentifier(e)) out.push({ name: e.text, args: [] });
  }
  return out;
}

/** A handler that writes the response itself (@Res() without passthrough) documents none. */
function writesItsOwnResponse(method: ts.MethodDeclaration): boolean {
  return method.parameters.some((p) =>
    decoratorsOf(p).some((d) => d.name === 'Res' && !(d.args[0] && ts.isObjectLiteralExpression(d.args[0]) && d.args[0].getText().includes('passthrough'))),
  );
}

class SchemaWriter {
  private readonly stack = new Set<ts.Type>();
  constructor(private readonly checker: ts.TypeChecker) {}

  write(type: ts.Type, depth = 0): JsonSchema {
    const c = this.checker;
    if (depth > 16) return {};
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    // Prisma's Json columns hold any JSON value.
    if (type.aliasSymbol && ['JsonValue', 'JsonObject', 'JsonArray', 'InputJsonValue'].includes(type.aliasSymbol.getName())) return {};
    if (['JsonObject', 'JsonArray'].includes(type.getSymbol()?.getName() ?? '')) return {};
    if (type.flags & ts.TypeFlags.Null) return { nullable: true };
    if (type.isUnion()) return this.union(type.types, depth);
    if (type.flags & ts.TypeFlags.StringLiteral) return { type: 'string', enum: [(type as ts.StringLiteralType).value] };
    if (type.flags & ts.TypeFlags.NumberLiteral) return { type: 'number', enum: [(type as ts.NumberLiteralType).value] };
    if (type.flags & ts.TypeFlags.BooleanLiteral) return { type: 'boolean', enum: [c.typeToString(type) === 'true'] };
    if (type.flags & ts.TypeFlags.String || type.flags & ts.TypeFlags.TemplateLiteral) return { type: 'string' };
    if (type.flags & ts.TypeFlags.Number) return { type: 'number' };
    if (type.flags & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (type.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)) return {};
    const name = type.getSymbol()?.getName();
    if (name === 'Date') return { type: 'string', format: 'date-time' };
    // server/src/common/notices.ts renders a Notice in the caller's language on the way out.
    if (name === 'Notice') return { type: 'object', properties: { key: { type: 'string' }, message: { type: 'string' } }, required: ['key', 'message'], additionalProperties: false };
    if (c.isArrayType(type) || c.isTupleType(type)) {
      const args = c.getTypeArguments(type as ts.TypeReference);
      if (c.isTupleType(type)) return { type: 'array', items: args.length ? this.union(args, depth + 1) : {}, minItems: args.length, maxItems: args.length };
      return { type: 'array', items: this.write(args[0]!, depth + 1) };
    }
    // An interface that extends Array<T>.
    const element = c.getIndexInfoOfType(type, ts.IndexKind.Number);
    if (element && type.getProperty('length')) return { type: 'array', items: this.write(element.type, depth + 1) };
    // What JSON.stringify sends for it: Prisma's Decimal and the like say so with toJSON().
    const toJSON = type.getProperty('toJSON');
    if (toJSON) {
      const sig = c.getSignaturesOfType(c.getTypeOfSymbol(toJSON), ts.SignatureKind.Call)[0];
      if (sig) return this.write(c.getReturnTypeOfSignature(sig), depth + 1);
    }
    if (type.flags & ts.TypeFlags.Object || type.isIntersection()) return this.object(type, depth);
    return {};
  }

  private union(types: readonly ts.Type[], depth: number): JsonSchema {
    const nullable = types.some((t) => t.flags & ts.TypeFlags.Null);
    let rest = types.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
    // true | false among other members is boolean (TypeScript spells boolean that way).
    const booleans = rest.filter((t) => t.flags & ts.TypeFlags.BooleanLiteral);
    if (booleans.length === 2 && rest.length > 2) rest = [...rest.filter((t) => !(t.flags & ts.TypeFlags.BooleanLiteral)), this.checker.getBooleanType()];
    let schema: JsonSchema;
    const literals = rest.every((t) => t.flags & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral | ts.TypeFlags.BooleanLiteral));
    if (rest.length === 0) schema = {};
    else if (literals && rest.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) schema = { type: 'boolean' };
    else if (literals && rest.every((t) => t.flags & ts.TypeFlags.StringLiteral)) schema = { type: 'string', enum: rest.map((t) => (t as ts.StringLiteralType).value).sort() };
    else if (literals && rest.every((t) => t.flags & ts.TypeFlags.NumberLiteral)) schema = { type: 'number', enum: rest.map((t) => (t as ts.NumberLiteralType).value).sort((a, b) => a - b) };
    else if (rest.length === 1) schema = this.write(rest[0]!, depth + 1);
    else {
      const parts = rest.map((t) => this.write(t, depth + 1));
      const seen = new Map(parts.map((p) => [JSON.stringify(p), p]));
      schema = seen.size === 1 ? parts[0]! : { anyOf: [...seen.values()] };
    }
    return nullable ? { ...schema, nullable: true } : schema;
  }

  private object(type: ts.Type, depth: number): JsonSchema {
    const c = this.checker;
    if (this.stack.has(type)) return { type: 'object' };
    this.stack.add(type);
    try {
      const properties: Record<string, JsonSchema> = {};
      const required: string[] = [];
      for (const prop of c.getPropertiesOfType(type)) {
        const decl = prop.valueDeclaration ?? prop.declarations?.[0];
        const propType = decl ? c.getTypeOfSymbolAtLocation(prop, decl) : c.getTypeOfSymbol(prop);
        if (c.getSignaturesOfType(propType, ts.SignatureKind.Call).length > 0) continue; // methods do not travel
        if (prop.getName().startsWith('__@')) continue; // symbol-keyed: JSON has none
        const optional = (prop.flags & ts.SymbolFlags.Optional) !== 0 || (propType.isUnion() && propType.types.some((t) => t.flags & ts.TypeFlags.Undefined));
        properties[prop.getName()] = this.write(propType, depth + 1);
        if (!optional) required.push(prop.getName());
      }
      const schema: JsonSchema = { type: 'object', properties };
      if (required.length) schema.required = required;
      const index = c.getIndexInfoOfType(type, ts.IndexKind.String);
      if (index) schema.additionalProperties = this.write(index.type, depth + 1);
      else schema.additionalProperties = false;
      return schema;
    } finally {
      this.stack.delete(type);
    }
  }
}

/** Reads every controller under server/src and documents each JSON answer. */
export function documentResponses(): ResponseMap {
  const configPath = join(ROOT, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const controllers = config.fileNames.filter((f) => /server\/src\/.+\.controller\.ts$/.test(f));
  const program = ts.createProgram(controllers, config.options);
  const checker = program.getTypeChecker();
  const writer = new SchemaWriter(checker);
  const out: Record<string, DocumentedResponse> = {};
  const files: string[] = [];
  for (const file of controllers) {
    const sf = program.getSourceFile(file)!;
    for (const cls of sf.statements.filter(ts.isClassDeclaration)) {
      if (!cls.name || !decoratorsOf(cls).some((d) => d.name === 'Controller')) continue;
      for (const member of cls.members) {
        if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name)) continue;
        const decorators = decoratorsOf(member);
        const route = decorators.find((d) => ROUTE_DECORATORS.has(d.name));
        if (!route) continue;
        const operationId = `${cls.name.text}_${member.name.text}`;
        const sig = checker.getSignatureFromDeclaration(member)!;
        let body = checker.getAwaitedType(checker.getReturnTypeOfSignature(sig)) ?? checker.getReturnTypeOfSignature(sig);
        if (writesItsOwnResponse(member) || body.getSymbol()?.getName() === 'StreamableFile') {
          files.push(operationId);
          continue;
        }
        const list = decorators.some((d) => d.name === 'ListRoute');
        if (list) {
          const data = body.getProperty('data');
          if (!data) throw new Error(`${cls.name.text}.${member.name.text}: a list route returns { total, data }`);
          body = checker.getTypeOfSymbol(data);
        }
        const code = decorators.find((d) => d.name === 'HttpCode')?.args[0];
        const status = code && ts.isNumericLiteral(code) ? Number(code.text) : route.name === 'Post' ? 201 : 200;
        const schema = body.flags & ts.TypeFlags.Void || status === 204 ? {} : writer.write(body);
        out[operationId] = { source: `${relative(ROOT, file)} ${cls.name.text}.${member.name.text}`, status, list, schema };
      }
    }
  }
  return { ...shareRepeatedSchemas(Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)))), files: files.sort() };
}

/** Schemas that several routes answer with move to `schemas`, named after their first route. */
function shareRepeatedSchemas(operations: Record<string, DocumentedResponse>): Omit<ResponseMap, 'files'> {
  const users = new Map<string, string[]>();
  for (const [id, op] of Object.entries(operations)) {
    const key = JSON.stringify(op.schema);
    if (key.length > 200) users.set(key, [...(users.get(key) ?? []), id]);
  }
  const schemas: Record<string, JsonSchema> = {};
  for (const [key, ids] of users) {
    if (ids.length < 2) continue;
    const name = `${ids[0]}.response`;
    schemas[name] = JSON.parse(key) as JsonSchema;
    for (const id of ids) operations[id] = { ...operations[id]!, schema: { $ref: `#/components/schemas/${name}` } };
  }
  return { operations, schemas };
}

export const RESPONSES_FILE = join(ROOT, 'server', 'src', 'openapi', 'responses.generated.json');

export function serialize(map: ResponseMap): string {
  return `${JSON.stringify(map, null, 1)}\n`;
}
