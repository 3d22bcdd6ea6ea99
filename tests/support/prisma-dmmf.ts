// What prisma/schema/*.prisma say the PostgreSQL database should look like, read through Prisma's own
// schema parser (@prisma/prisma-schema-wasm, the engine's get_dmmf compiled to WebAssembly, so it
// works offline) and translated with the rules `prisma migrate diff` uses for PostgreSQL.
// tests/schema-matches-migrations.test.ts compares the result with the migrated database.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import { repoRoot } from '../../server/src/config/app-config.ts';

/** Prisma's multi-file schema: every `.prisma` file of this folder, one per business area. */
export const schemaDir = join(repoRoot, 'prisma', 'schema');

/** The schema's files as [path, text] pairs, in name order. */
export type SchemaFiles = [string, string][];

export function readSchemaFiles(dir = schemaDir): SchemaFiles {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.prisma'))
    .sort()
    .map((f) => [join(dir, f), readFileSync(join(dir, f), 'utf8')]);
}

// ---- The part of the DMMF (Prisma's "data model meta format") this file reads ----------------

export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  isUpdatedAt?: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

export interface DmmfModel {
  name: string;
  dbName: string | null;
  schema?: string | null;
  fields: DmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
  uniqueIndexes: { name: string | null; fields: string[] }[];
}

export interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  isDefinedOnField: boolean;
  dbName?: string | null;
  algorithm?: string;
  fields: { name: string; sortOrder?: 'asc' | 'desc' | 'Asc' | 'Desc'; operatorClass?: string; length?: number }[];
}

export interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName: string | null }[];
}

export interface Dmmf {
  datamodel: { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] };
}

/** Parses a schema with Prisma's engine; a schema the engine rejects throws with its message. */
export function loadDmmf(files: SchemaFiles = readSchemaFiles()): Dmmf {
  let json: string;
  try {
    json = get_dmmf(JSON.stringify({ prismaSchema: files, noColor: true }));
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    let message = raw;
    try {
      message = (JSON.parse(raw) as { message?: string }).message ?? raw;
    } catch {
      // not JSON: keep the raw text
    }
    throw new Error(`Prisma could not read ${files.map(([p]) => p).join(', ')}:\n${message}`);
  }
  return JSON.parse(json) as Dmmf;
}

// ---- The expected PostgreSQL structure ----------------------------------------------------------

export interface ExpectedDefault {
  /** How the default is shown in a report, close to pg_get_expr's text. */
  display: string;
  matches(actual: string): boolean;
}

export interface ExpectedColumn {
  name: string;
  /** format_type(atttypid, atttypmod) of the column. */
  type: string;
  notNull: boolean;
  default: ExpectedDefault | null;
}

export interface IndexShape {
  kind: 'primary key' | 'unique' | 'index';
  columns: string[];
  descending: boolean[];
  /** Operator class per column; null: the type's default class. */
  opclasses: (string | null)[];
  /** pg_am.amname: btree, gin, gist, hash, brin, spgist. */
  method: string;
}

export interface ExpectedIndex extends IndexShape {
  name: string;
}

export type ReferentialAction = 'CASCADE' | 'RESTRICT' | 'NO ACTION' | 'SET NULL' | 'SET DEFAULT';

export interface ForeignKeyShape {
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export interface ExpectedTable {
  name: string;
  model: string;
  columns: ExpectedColumn[];
  indexes: ExpectedIndex[];
  foreignKeys: ForeignKeyShape[];
}

export interface ExpectedSchema {
  tables: ExpectedTable[];
  enums: { name: string; labels: string[] }[];
}

/** PostgreSQL's quote_ident for the names we use (reserved words are not handled). */
export function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

// Prisma's PostgreSQL column type without @db.* (prisma-engines, sql-schema-describer/psl mapping).
const DEFAULT_TYPES: Record<string, string> = {
  String: 'text',
  Boolean: 'boolean',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  DateTime: 'timestamp(3) without time zone',
  Json: 'jsonb',
  Bytes: 'bytea',
};

function nativeTypeText([name, args]: [string, string[]]): string {
  const p = args.length ? `(${args.join(',')})` : '';
  switch (name) {
    case 'Text': return 'text';
    case 'VarChar': return `character varying${p}`;
    case 'Char': return `character${p}`;
    case 'Uuid': return 'uuid';
    case 'Xml': return 'xml';
    case 'Inet': return 'inet';
    case 'Citext': return 'citext';
    case 'Bit': return `bit${p}`;
    case 'VarBit': return `bit varying${p}`;
    case 'SmallInt': return 'smallint';
    case 'Integer': return 'integer';
    case 'BigInt': return 'bigint';
    case 'Oid': return 'oid';
    case 'DoublePrecision': return 'double precision';
    case 'Real': return 'real';
    case 'Decimal': return `numeric${p}`;
    case 'Money': return 'money';
    case 'Boolean': return 'boolean';
    case 'Date': return 'date';
    case 'Timestamp': return `timestamp${p} without time zone`;
    case 'Timestamptz': return `timestamp${p} with time zone`;
    case 'Time': return `time${p} without time zone`;
    case 'Timetz': return `time${p} with time zone`;
    case 'Json': return 'json';
    case 'JsonB': return 'jsonb';
    case 'ByteA': return 'bytea';
    default:
      throw new Error(`tests/support/prisma-dmmf.ts: no PostgreSQL type known for @db.${name}; add it to nativeTypeText`);
  }
}

/** The type name pg_get_expr uses in a literal's cast: format_type without the modifier. */
function castTypeName(type: string): string {
  return type.replace(/\(\d+(,\d+)?\)/, '');
}

function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function literal(display: string): ExpectedDefault {
  return { display, matches: (actual) => actual === display };
}

/** The database default `prisma migrate` writes for a field, as pg_get_expr shows it. */
function expectedDefault(field: DmmfField, type: string): ExpectedDefault | null {
  if (!field.hasDefaultValue || field.isUpdatedAt) return null;
  const value = field.default;
  if (value && typeof value === 'object' && !Array.isArray(value) && 'name' in value) {
    const fn = value as { name: string; args: unknown[] };
    switch (fn.name) {
      case 'autoincrement':
        return { display: 'nextval(<serial sequence>)', matches: (a) => /^nextval\('.+'::regclass\)$/.test(a) };
      case 'now':
        return literal('CURRENT_TIMESTAMP');
      case 'uuid':
      case 'cuid':
      case 'nanoid':
      case 'ulid':
        return null; // generated by Prisma Client, not by the database
      default: // dbgenerated(...) and whatever comes next: only require that there is a default
        return { display: `<${fn.name}(...)>`, matches: () => true };
    }
  }
  if (field.kind === 'enum' && typeof value === 'string') return literal(`${sqlString(value)}::${type}`);
  if (typeof value === 'boolean') return literal(String(value));
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && ['Int', 'BigInt'].includes(field.type)) return literal(String(value));
  if (typeof value === 'string' && ['String', 'Json'].includes(field.type)) return literal(`${sqlString(value)}::${castTypeName(type)}`);
  return { display: `<${JSON.stringify(value)}>`, matches: () => true };
}

const ACTIONS: Record<string, ReferentialAction> = {
  Cascade: 'CASCADE',
  Restrict: 'RESTRICT',
  NoAction: 'NO ACTION',
  SetNull: 'SET NULL',
  SetDefault: 'SET DEFAULT',
};

/** Prisma's default constraint names: {table}_{columns}_{suffix}, cut to PostgreSQL's 63 bytes. */
export function defaultConstraintName(table: string, columns: string[], suffix: 'pkey' | 'key' | 'idx' | 'fkey'): string {
  const base = suffix === 'pkey' ? table : `${table}_${columns.join('_')}`;
  const max = 63 - suffix.length - 1;
  return `${base.length > max ? base.slice(0, max) : base}_${suffix}`;
}

function operatorClass(name: string | undefined): string | null {
  if (!name) return null;
  // Prisma's named classes (JsonbPathOps, ArrayOps, ...) are CamelCase; raw("...") ones are SQL.
  return /^[A-Z]/.test(name) ? name.replace(/MinMax/g, 'Minmax').replace(/(?<!^)([A-Z])/g, '_$1').toLowerCase() : name;
}

/** Translates the DMMF into the tables, columns, indexes, foreign keys and enums Prisma would create. */
export function expectedSchema(dmmf: Dmmf): ExpectedSchema {
  const { models, enums, indexes } = dmmf.datamodel;
  const byName = new Map(models.map((m) => [m.name, m]));
  const enumType = new Map(enums.map((e) => [e.name, quoteIdent(e.dbName ?? e.name)]));
  const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
  const columnOf = (m: DmmfModel, fieldName: string) => {
    const f = m.fields.find((x) => x.name === fieldName);
    if (!f) throw new Error(`${m.name}.${fieldName}: no such field`);
    return f.dbName ?? f.name;
  };

  const tables = models.map((model): ExpectedTable => {
    if (model.schema && model.schema !== 'public') throw new Error(`${model.name}: only the public schema is compared`);
    const table = tableOf(model);

    const columns = model.fields
      .filter((f) => f.kind === 'scalar' || f.kind === 'enum')
      .map((f): ExpectedColumn => {
        const base = f.kind === 'enum' ? enumType.get(f.type)! : f.nativeType ? nativeTypeText(f.nativeType) : DEFAULT_TYPES[f.type];
        if (!base) throw new Error(`${model.name}.${f.name}: no PostgreSQL type known for ${f.type}`);
        const type = f.isList ? `${base}[]` : base;
        // Prisma writes list columns without NOT NULL (a list is never optional in the schema).
        return { name: f.dbName ?? f.name, type, notNull: f.isRequired && !f.isList, default: expectedDefault(f, type) };
      });
    for (const f of model.fields.filter((x) => x.kind === 'unsupported')) {
      throw new Error(`${model.name}.${f.name}: Unsupported(...) fields are not compared; extend tests/support/prisma-dmmf.ts`);
    }

    const tableIndexes = indexes
      .filter((i) => i.model === model.name)
      .map((i): ExpectedIndex => {
        if (i.type === 'fulltext') throw new Error(`${model.name}: fulltext indexes do not exist on PostgreSQL`);
        const cols = i.fields.map((f) => columnOf(model, f.name));
        const kind = i.type === 'id' ? 'primary key' : i.type === 'unique' ? 'unique' : 'index';
        const suffix = i.type === 'id' ? 'pkey' : i.type === 'unique' ? 'key' : 'idx';
        return {
          kind,
          columns: cols,
          descending: i.fields.map((f) => f.sortOrder?.toLowerCase() === 'desc'),
          opclasses: i.fields.map((f) => operatorClass(f.operatorClass)),
          method: (i.algorithm ?? 'BTree').toLowerCase(),
          name: i.dbName ?? (i.type === 'id' ? model.primaryKey?.name : null) ?? defaultConstraintName(table, cols, suffix),
        };
      });

    const foreignKeys = model.fields
      .filter((f) => f.kind === 'object' && f.relationFromFields?.length)
      .map((f): ForeignKeyShape => {
        const target = byName.get(f.type)!;
        return {
          columns: f.relationFromFields!.map((n) => columnOf(model, n)),
          refTable: tableOf(target),
          refColumns: f.relationToFields!.map((n) => columnOf(target, n)),
          // Prisma's defaults: Restrict for a required relation, SetNull for an optional one; Cascade on update.
          onDelete: f.relationOnDelete ? ACTIONS[f.relationOnDelete] : f.isRequired ? 'RESTRICT' : 'SET NULL',
          onUpdate: f.relationOnUpdate ? ACTIONS[f.relationOnUpdate] : 'CASCADE',
        };
      });

    // An implicit many-to-many relation (lists on both sides, no `fields:`) would need a _AToB table.
    for (const f of model.fields.filter((x) => x.kind === 'object' && x.isList)) {
      const back = byName.get(f.type)!.fields.find((x) => x.relationName === f.relationName && x !== f);
      if (back?.isList) throw new Error(`${model.name}.${f.name}: implicit many-to-many relations are not compared; extend tests/support/prisma-dmmf.ts`);
    }

    return { name: table, model: model.name, columns, indexes: tableIndexes, foreignKeys };
  });

  return {
    tables: tables.sort((a, b) => a.name.localeCompare(b.name)),
    enums: enums
      .map((e) => ({ name: e.dbName ?? e.name, labels: e.values.map((v) => v.dbName ?? v.name) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
