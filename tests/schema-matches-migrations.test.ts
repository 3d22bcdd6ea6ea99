// The SQL migrations in prisma/migrations are written and kept by hand (Prisma's CLI cannot run its
// schema engine on these offline machines). This proves that the database they produce is the one
// prisma/schema/*.prisma describes — tables, columns (type, NOT NULL, default), enums, primary keys,
// unique constraints, indexes and foreign keys — and that the comparison does notice drift.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import {
  expectedSchema,
  loadDmmf,
  readSchemaFiles,
  type ExpectedSchema,
  type ForeignKeyShape,
  type IndexShape,
  type ReferentialAction,
} from './support/prisma-dmmf.ts';

// ---- What the database has -----------------------------------------------------------------------

interface ActualColumn {
  table: string;
  name: string;
  type: string;
  notNull: boolean;
  default: string | null;
}

interface ActualIndex extends IndexShape {
  table: string;
  name: string;
  /** Expressions, a WHERE clause or INCLUDE columns: things prisma/schema/*.prisma cannot say. */
  definition: string | null;
}

interface ActualForeignKey extends ForeignKeyShape {
  table: string;
  name: string;
}

interface ActualSchema {
  tables: string[];
  enums: { name: string; labels: string[] }[];
  columns: ActualColumn[];
  indexes: ActualIndex[];
  foreignKeys: ActualForeignKey[];
}

const IGNORED_TABLES = ['_prisma_migrations'];

const ACTION_CODES: Record<string, ReferentialAction> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

async function introspect(client: pg.Client): Promise<ActualSchema> {
  const tables = await client.query<{ name: string }>(
    `SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> ALL($1) ORDER BY 1`,
    [IGNORED_TABLES],
  );
  const enums = await client.query<{ name: string; labels: string[] }>(
    `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE n.nspname = 'public' GROUP BY t.typname ORDER BY 1`,
  );
  const columns = await client.query<ActualColumn & { identity: string; generated: string }>(
    `SELECT c.relname::text AS table, a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS "notNull", pg_get_expr(d.adbin, d.adrelid) AS default,
            a.attidentity::text AS identity, a.attgenerated::text AS generated
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> ALL($1)
        AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY 1, a.attnum`,
    [IGNORED_TABLES],
  );
  const indexes = await client.query<ActualIndex & { primary: boolean; unique: boolean; special: boolean; defaultOpclass: boolean[]; opclassNames: string[] }>(
    `SELECT c.relname::text AS table, i.relname::text AS name, x.indisprimary AS primary, x.indisunique AS unique,
            am.amname::text AS method, pg_get_indexdef(x.indexrelid) AS definition,
            (x.indexprs IS NOT NULL OR x.indpred IS NOT NULL OR x.indnatts <> x.indnkeyatts) AS special,
            ARRAY(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                   WHERE k.ord <= x.indnkeyatts ORDER BY k.ord) AS columns,
            ARRAY(SELECT (k.o & 1) = 1 FROM unnest(x.indoption::int2[]) WITH ORDINALITY k(o, ord) ORDER BY k.ord) AS descending,
            ARRAY(SELECT oc.opcname::text FROM unnest(x.indclass::oid[]) WITH ORDINALITY k(opc, ord)
                    JOIN pg_opclass oc ON oc.oid = k.opc ORDER BY k.ord) AS "opclassNames",
            ARRAY(SELECT oc.opcdefault FROM unnest(x.indclass::oid[]) WITH ORDINALITY k(opc, ord)
                    JOIN pg_opclass oc ON oc.oid = k.opc ORDER BY k.ord) AS "defaultOpclass"
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class c ON c.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_am am ON am.oid = i.relam
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> ALL($1)
      ORDER BY 1, 2`,
    [IGNORED_TABLES],
  );
  const foreignKeys = await client.query<{ table: string; name: string; refTable: string; columns: string[]; refColumns: string[]; del: string; upd: string }>(
    `SELECT c.relname::text AS table, con.conname::text AS name, rc.relname::text AS "refTable",
            ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS "refColumns",
            con.confdeltype::text AS del, con.confupdtype::text AS upd
       FROM pg_constraint con
       JOIN pg_class c ON c.oid = con.conrelid
       JOIN pg_class rc ON rc.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE con.contype = 'f' AND n.nspname = 'public' AND c.relname <> ALL($1)
      ORDER BY 1, 2`,
    [IGNORED_TABLES],
  );

  return {
    tables: tables.rows.map((r) => r.name),
    enums: enums.rows,
    columns: columns.rows.map(({ identity, generated, ...c }) => ({
      ...c,
      default: identity ? `GENERATED ${identity === 'a' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY` : generated ? `GENERATED ALWAYS AS (${c.default}) STORED` : c.default,
    })),
    indexes: indexes.rows.map((r) => ({
      table: r.table,
      name: r.name,
      kind: r.primary ? 'primary key' : r.unique ? 'unique' : 'index',
      columns: r.columns,
      descending: r.descending,
      opclasses: r.opclassNames.map((name, i) => (r.defaultOpclass[i] ? null : name)),
      method: r.method,
      definition: r.special ? r.definition : null,
    })),
    foreignKeys: foreignKeys.rows.map((r) => ({
      table: r.table,
      name: r.name,
      columns: r.columns,
      refTable: r.refTable,
      refColumns: r.refColumns,
      onDelete: ACTION_CODES[r.del],
      onUpdate: ACTION_CODES[r.upd],
    })),
  };
}

// ---- The comparison --------------------------------------------------------------------------------

function describeColumn(c: { type: string; notNull: boolean }, defaultText: string | null): string {
  return `${c.type} ${c.notNull ? 'NOT NULL' : 'NULL'}${defaultText === null ? '' : ` DEFAULT ${defaultText}`}`;
}

function describeIndex(i: IndexShape & { definition?: string | null }): string {
  if (i.definition) return `${i.kind} ${i.definition}`;
  const cols = i.columns.map((c, n) => `${c}${i.descending[n] ? ' DESC' : ''}${i.opclasses[n] ? ` ${i.opclasses[n]}` : ''}`);
  return `${i.kind} (${cols.join(', ')})${i.method === 'btree' ? '' : ` using ${i.method}`}`;
}

function describeForeignKey(f: ForeignKeyShape): string {
  return `REFERENCES ${f.refTable}(${f.refColumns.join(', ')}) ON DELETE ${f.onDelete} ON UPDATE ${f.onUpdate}`;
}

/** Pairs expected and actual items with the same key; an expected name pairs with its namesake first. */
function pair<E extends object, A extends { name: string }>(expected: E[], actual: A[], key: (x: E | A) => string) {
  const nameOf = (e: E) => ('name' in e && typeof e.name === 'string' ? e.name : undefined);
  const left = [...actual];
  const matched: [E, A][] = [];
  const missing: E[] = [];
  const named = (e: E) => left.some((a) => a.name === nameOf(e));
  const ordered = [...expected].sort((a, b) => Number(named(b)) - Number(named(a)));
  for (const e of ordered) {
    const candidates = left.filter((a) => key(a) === key(e));
    const found = candidates.find((a) => a.name === nameOf(e)) ?? candidates[0];
    if (found) {
      left.splice(left.indexOf(found), 1);
      matched.push([e, found]);
    } else missing.push(e);
  }
  return { matched, missing, unexpected: left };
}

/** Every way the database differs from prisma/schema/*.prisma, one readable line each; [] when they agree. */
function compareSchemas(expected: ExpectedSchema, actual: ActualSchema): string[] {
  const diffs: string[] = [];

  const actualEnums = new Map(actual.enums.map((e) => [e.name, e.labels]));
  for (const e of expected.enums) {
    const labels = actualEnums.get(e.name);
    if (!labels) diffs.push(`enum ${e.name}: missing (expected labels ${e.labels.join(', ')})`);
    else if (labels.join('\n') !== e.labels.join('\n')) diffs.push(`enum ${e.name}: expected labels ${e.labels.join(', ')}, found ${labels.join(', ')}`);
  }
  for (const e of actual.enums) {
    if (!expected.enums.some((x) => x.name === e.name)) diffs.push(`enum ${e.name}: unexpected (not in prisma/schema/*.prisma; labels ${e.labels.join(', ')})`);
  }

  for (const name of actual.tables) {
    if (!expected.tables.some((t) => t.name === name)) diffs.push(`${name}: unexpected table (no model maps to it)`);
  }

  for (const table of expected.tables) {
    if (!actual.tables.includes(table.name)) {
      diffs.push(`${table.name}: missing table (model ${table.model})`);
      continue;
    }

    const columns = actual.columns.filter((c) => c.table === table.name);
    for (const want of table.columns) {
      const have = columns.find((c) => c.name === want.name);
      const wanted = describeColumn(want, want.default?.display ?? null);
      if (!have) {
        diffs.push(`${table.name}.${want.name}: missing column (expected ${wanted})`);
        continue;
      }
      const defaultOk = want.default ? have.default !== null && want.default.matches(have.default) : have.default === null;
      if (have.type !== want.type || have.notNull !== want.notNull || !defaultOk) {
        diffs.push(`${table.name}.${want.name}: expected ${wanted}, found ${describeColumn(have, have.default)}`);
      }
    }
    for (const have of columns) {
      if (!table.columns.some((c) => c.name === have.name)) {
        diffs.push(`${table.name}.${have.name}: unexpected column (${describeColumn(have, have.default)}; no field maps to it)`);
      }
    }

    const indexes = pair(table.indexes, actual.indexes.filter((i) => i.table === table.name), (i) =>
      'definition' in i && i.definition ? `special ${i.name}` : describeIndex(i),
    );
    for (const [want, have] of indexes.matched) {
      if (want.name !== have.name) diffs.push(`${table.name}: ${describeIndex(want)} is named ${have.name}, expected ${want.name}`);
    }
    for (const want of indexes.missing) diffs.push(`${table.name}: missing ${describeIndex(want)} (expected name ${want.name})`);
    for (const have of indexes.unexpected) diffs.push(`${table.name}: unexpected ${describeIndex(have)} named ${have.name}`);

    const fks = pair(table.foreignKeys, actual.foreignKeys.filter((f) => f.table === table.name), (f) => f.columns.join(', '));
    for (const [want, have] of fks.matched) {
      if (describeForeignKey(want) !== describeForeignKey(have)) {
        diffs.push(`${table.name}: foreign key (${want.columns.join(', ')}): expected ${describeForeignKey(want)}, found ${describeForeignKey(have)}`);
      }
    }
    for (const want of fks.missing) diffs.push(`${table.name}: missing foreign key (${want.columns.join(', ')}) ${describeForeignKey(want)}`);
    for (const have of fks.unexpected) {
      diffs.push(`${table.name}: unexpected foreign key ${have.name} (${have.columns.join(', ')}) ${describeForeignKey(have)}`);
    }
  }
  return diffs;
}

function report(diffs: string[]): string {
  return `${diffs.length} difference(s) between prisma/schema/*.prisma and the database the migrations produce:\n${diffs.map((d) => `  - ${d}`).join('\n')}\n`;
}

// ---- The tests ---------------------------------------------------------------------------------------

describe('prisma/migrations produce the database prisma/schema/*.prisma describes', () => {
  let database: TestDatabase;
  let client: pg.Client;
  let expected: ExpectedSchema;

  beforeAll(async () => {
    expected = expectedSchema(loadDmmf());
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  /** Runs `sql` in a transaction, compares, and rolls back: the clone stays as migrated. */
  async function diffsAfter(sql: string): Promise<string[]> {
    await client.query('BEGIN');
    try {
      await client.query(sql);
      return compareSchemas(expected, await introspect(client));
    } finally {
      await client.query('ROLLBACK');
    }
  }

  it('reads prisma/schema/*.prisma through Prisma’s own parser', () => {
    // Guards against a comparison that passes because it compares nothing.
    const members = expected.tables.find((t) => t.name === 'members');
    expect(members?.model).toBe('Member');
    expect(members?.columns.find((c) => c.name === 'pinyin')).toMatchObject({ type: 'character varying(100)', notNull: true, default: null });
    expect(members?.columns.find((c) => c.name === 'joinReasons')).toMatchObject({ type: '"JoinReason"[]', notNull: false });
    expect(members?.indexes).toContainEqual({
      kind: 'index', columns: ['pinyin'], descending: [false], opclasses: ['gin_trgm_ops'], method: 'gin', name: 'members_pinyin_trgm_idx',
    });
    expect(expected.tables.find((t) => t.name === 'member_hobbies')?.indexes).toContainEqual(
      expect.objectContaining({ kind: 'primary key', columns: ['memberId', 'hobbyId'], name: 'member_hobbies_pkey' }),
    );
    expect(expected.tables.find((t) => t.name === 'staff_users')?.foreignKeys).toEqual([
      { columns: ['regionCode'], refTable: 'regions', refColumns: ['code'], onDelete: 'SET NULL', onUpdate: 'CASCADE' },
    ]);
    expect(expected.enums.find((e) => e.name === 'Sex')?.labels).toEqual(['MALE', 'FEMALE']);
  });

  it('has every table, column, type, NOT NULL, default, enum, key, index and foreign key of prisma/schema/*.prisma, and nothing else', async () => {
    const diffs = compareSchemas(expected, await introspect(client));
    expect(diffs, report(diffs)).toEqual([]);
  });

  it('reports drift: a column made nullable and an index the schema does not have', async () => {
    const diffs = await diffsAfter(`
      ALTER TABLE members ALTER COLUMN pinyin DROP NOT NULL;
      CREATE INDEX extra_idx ON projects(city);`);
    expect(diffs).toEqual([
      'members.pinyin: expected character varying(100) NOT NULL, found character varying(100) NULL',
      'projects: unexpected index (city) named extra_idx',
    ]);
  });

  it('reports drift the other way: prisma/schema/*.prisma edited without a migration', async () => {
    const edit = (text: string) => text
      .replace('pinyin             String            @db.VarChar(100)', 'pinyin             String            @db.VarChar(120)')
      .replace('  sortOrder Int           @default(0)\n  members   MemberHobby[]', '  sortOrder Int           @default(0)\n  nickname  String?\n  members   MemberHobby[]')
      .replace('  @@index([regionCode])\n  @@map("projects")', '  @@index([regionCode])\n  @@index([city])\n  @@map("projects")');
    const edited = readSchemaFiles().map(([path, text]): [string, string] => [path, edit(text)]);
    expect(edited.map(([, t]) => t)).not.toEqual(readSchemaFiles().map(([, t]) => t));
    const diffs = compareSchemas(expectedSchema(loadDmmf(edited)), await introspect(client));
    expect(diffs).toEqual([
      'hobbies.nickname: missing column (expected text NULL)',
      'members.pinyin: expected character varying(120) NOT NULL, found character varying(100) NOT NULL',
      'projects: missing index (city) (expected name projects_city_idx)',
    ]);
  });

  it.each([
    ['a changed column type', 'ALTER TABLE projects ALTER COLUMN city TYPE text',
      'projects.city: expected character varying(50) NOT NULL, found text NOT NULL'],
    ['a dropped default', 'ALTER TABLE members ALTER COLUMN status DROP DEFAULT',
      `members.status: expected "MemberStatus" NOT NULL DEFAULT 'ACTIVE'::"MemberStatus", found "MemberStatus" NOT NULL`],
    ['a changed default', `ALTER TABLE members ALTER COLUMN nationality SET DEFAULT 'China'`,
      `members.nationality: expected character varying(50) NOT NULL DEFAULT '中国'::character varying, found character varying(50) NOT NULL DEFAULT 'China'::character varying`],
    ['a default on an @updatedAt column', 'ALTER TABLE members ALTER COLUMN "updatedAt" SET DEFAULT now()',
      'members.updatedAt: expected timestamp(3) with time zone NOT NULL, found timestamp(3) with time zone NOT NULL DEFAULT now()'],
    ['a column the schema does not have', 'ALTER TABLE hobbies ADD COLUMN icon text',
      'hobbies.icon: unexpected column (text NULL; no field maps to it)'],
    ['a dropped column', 'ALTER TABLE hobbies DROP COLUMN "nameEn"',
      'hobbies.nameEn: missing column (expected character varying(50) NOT NULL)'],
    ['an added enum label', `ALTER TYPE "Sex" ADD VALUE 'OTHER'`,
      'enum Sex: expected labels MALE, FEMALE, found MALE, FEMALE, OTHER'],
    ['a table the schema does not have', 'CREATE TABLE notes (id int)',
      'notes: unexpected table (no model maps to it)'],
    ['a dropped unique index', 'DROP INDEX "hobbies_code_key"',
      'hobbies: missing unique (code) (expected name hobbies_code_key)'],
    ['a renamed index', 'ALTER INDEX "units_projectId_idx" RENAME TO units_project_idx',
      'units: index (projectId) is named units_project_idx, expected units_projectId_idx'],
    ['an index with another access method', `DROP INDEX members_name_trgm_idx; CREATE INDEX members_name_trgm_idx ON members USING gist (name gist_trgm_ops)`,
      'members: missing index (name gin_trgm_ops) using gin (expected name members_name_trgm_idx)'
      + '\nmembers: unexpected index (name gist_trgm_ops) using gist named members_name_trgm_idx'],
    ['a changed primary key', 'ALTER TABLE member_hobbies DROP CONSTRAINT member_hobbies_pkey, ADD PRIMARY KEY ("hobbyId", "memberId")',
      'member_hobbies: missing primary key (memberId, hobbyId) (expected name member_hobbies_pkey)'
      + '\nmember_hobbies: unexpected primary key (hobbyId, memberId) named member_hobbies_pkey'],
    ['a foreign key without ON DELETE CASCADE', `ALTER TABLE family_members DROP CONSTRAINT "family_members_memberId_fkey",
        ADD CONSTRAINT "family_members_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES members(id) ON UPDATE CASCADE`,
      'family_members: foreign key (memberId): expected REFERENCES members(id) ON DELETE CASCADE ON UPDATE CASCADE, found REFERENCES members(id) ON DELETE NO ACTION ON UPDATE CASCADE'],
    ['a dropped foreign key', 'ALTER TABLE units DROP CONSTRAINT "units_buildingId_fkey"',
      'units: missing foreign key (buildingId) REFERENCES buildings(id) ON DELETE RESTRICT ON UPDATE CASCADE'],
  ])('reports drift: %s', async (_what, sql, expectedLines) => {
    expect(await diffsAfter(sql)).toEqual(expectedLines.split('\n'));
  });
});
