// The Cube model's two promises, checked on the model files themselves so a new view cannot be
// added without them: every view is on the region rule's list (cube/region-rule.cjs) with a
// region member it really includes, and no view exposes a person's name, ID number, phone,
// address, e-mail, birthday or car plate (ages in bands are fine; a birth date is not).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', 'cube');
const require = createRequire(import.meta.url);
const { REGION_MEMBER } = require(join(root, 'region-rule.cjs')) as { REGION_MEMBER: Record<string, string> };

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));
}
const model = files(join(root, 'model')).map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));

/** Columns that hold personal data, in any table of the model (M-11's kinds plus names). */
const PERSONAL_COLUMN = /\b(name|pinyin|spouseName|idNumber|mobile|homePhone|employerPhone|fax|employerFax|homeAddress|employerAddress|mailingAddress|email|birthDate|carPlate|wechat)\b/;
/** Tables whose name column is a place or a thing, not a person. */
const NOT_PERSONS = new Set(['projects', 'buildings', 'units', 'regions', 'hobbies']);

interface Dimension {
  cube: string;
  name: string;
  sql: string;
}

/** The dimensions and measures of each cube with their SQL (what a view member resolves to). */
function members(): Map<string, Dimension> {
  const out = new Map<string, Dimension>();
  for (const { text } of model) {
    for (const m of text.matchAll(/cube\(`(\w+)`, \{([\s\S]*?)\n\}\);/g)) {
      const [, cube, body] = m;
      const table = /sql_table: `(?:public\.)?(\w+)`/.exec(body)?.[1] ?? cube;
      // A member written over several lines, or on one (`name: { sql: …, type: … },`).
      for (const d of body.matchAll(/\n {4}(\w+): \{(?:([^\n]*)\}|([\s\S]*?)\n {4}\}),?/g)) {
        const sqls = [...(d[2] ?? d[3]).matchAll(/sql: `([^`]*)`/g)].map((x) => x[1]).join(' ');
        out.set(`${cube}.${d[1]}`, { cube: NOT_PERSONS.has(table) ? '' : cube, name: d[1], sql: sqls });
      }
    }
  }
  return out;
}

interface View {
  name: string;
  path: string;
  members: { source: string; exposedAs: string }[];
}

function views(): View[] {
  const out: View[] = [];
  for (const { path, text } of model) {
    for (const m of text.matchAll(/view\(`(\w+)`, \{([\s\S]*?)\n\}\);/g)) {
      const list: View['members'] = [];
      for (const c of m[2].matchAll(/join_path: ([\w.]+),\s*includes: \[([\s\S]*?)\],/g)) {
        const cube = c[1].split('.').at(-1)!;
        for (const inc of c[2].matchAll(/\{ name: `(\w+)`, alias: `(\w+)` \}|`(\w+)`/g)) {
          const source = inc[1] ?? inc[3];
          list.push({ source: `${cube}.${source}`, exposedAs: inc[2] ?? source });
        }
      }
      out.push({ name: m[1], path, members: list });
    }
  }
  return out;
}

describe('the Cube model', () => {
  const all = views();
  const dims = members();

  it('has views to check (the parser found them)', () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all.every((v) => v.members.length > 0)).toBe(true);
    expect(dims.size).toBeGreaterThan(5);
  });

  it('every view is on the region rule’s list, with a region member the view includes', () => {
    for (const v of all) {
      expect(REGION_MEMBER[v.name], `${v.name} (${v.path}) is missing from cube/region-rule.cjs`).toBeDefined();
      const member = REGION_MEMBER[v.name].split('.')[1];
      expect(v.members.map((m) => m.exposedAs), `${v.name} must include ${member}`).toContain(member);
    }
    // …and the list names no view that does not exist.
    expect(Object.keys(REGION_MEMBER).sort()).toEqual(all.map((v) => v.name).sort());
  });

  it('no view exposes personal data', () => {
    for (const v of all) {
      for (const m of v.members) {
        const d = dims.get(m.source);
        expect(d, `${v.name}: ${m.source} not found in the model`).toBeDefined();
        if (!d!.cube) continue; // a project's or a building's name
        // A band computed from the birth date (age(...)) is not the birthday itself.
        const sql = d!.sql.replace(/age\([^)]*"birthDate"\)/g, 'AGE');
        expect(PERSONAL_COLUMN.test(sql), `${v.name}.${m.exposedAs} reads ${d!.sql}`).toBe(false);
        expect(/(^|_)(name|phone|mobile|address|email|id_number|birth_date|birthday|plate)$/.test(m.exposedAs) && !/^(project|region|building|hobby)_name$/.test(m.exposedAs), `${v.name}.${m.exposedAs}`).toBe(false);
      }
    }
  });

  it('the checks can fail: a birth date or a name in a view is caught', () => {
    expect(PERSONAL_COLUMN.test('${CUBE}."birthDate"')).toBe(true);
    expect(PERSONAL_COLUMN.test('${CUBE}.name')).toBe(true);
    expect(PERSONAL_COLUMN.test(`date_part('year', AGE)`)).toBe(false);
    expect(dims.get('members.birth_date')?.sql).toMatch(PERSONAL_COLUMN);
  });
});
