// No module imports itself through others, anywhere: a cycle works only by the luck of load order
// (the admin once had one through 34 files: i18n → features → pages → http client → session → i18n).
// dpdm reads the imports with TypeScript (type-only imports included, so a cycle cannot hide behind
// `import type`); the strongly connected components of that graph are the cycles, each with every
// file it involves. Lazy `import()` is not a cycle at load time and is left out.
import { describe, expect, it } from 'vitest';
import { parseDependencyTree, type DependencyTree } from 'dpdm';

const ROOT = new URL('..', import.meta.url).pathname;

/**
 * Cycles known when this test was written, to be removed by whoever fixes them (each as the sorted
 * files of one cycle). Keep it empty: a new cycle fails the test, and a fixed one must leave the list.
 */
const ALLOWED: string[][] = [];

const PARTS = [
  { name: 'admin', files: ['admin/src/**/*.ts', 'admin/src/**/*.tsx'], tsconfig: 'admin/tsconfig.json' },
  {
    name: 'server, tests, scripts, seed',
    files: ['server/src/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.ts', 'scripts/**/*.mjs', 'prisma/**/*.ts', '*.config.ts'],
    tsconfig: 'tsconfig.json',
  },
];

/** Tarjan's strongly connected components of more than one file (or a file importing itself). */
function cycles(tree: DependencyTree): string[][] {
  const next = (v: string) => (tree[v] ?? []).filter((d) => d.id && d.kind !== 'DynamicImport' && d.id in tree).map((d) => d.id!);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || next(v).includes(v)) found.push(component.sort());
    }
  };
  for (const v of Object.keys(tree)) if (!index.has(v)) visit(v);
  return found;
}

async function graph(files: string[], tsconfig: string): Promise<DependencyTree> {
  const cwd = process.cwd();
  process.chdir(ROOT); // dpdm resolves globs and tsconfig paths from the working directory
  try {
    return await parseDependencyTree(files, {
      context: ROOT,
      tsconfig,
      transform: false,
      skipDynamicImports: false,
      extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'],
      exclude: /node_modules|\/generated\//,
    });
  } finally {
    process.chdir(cwd);
  }
}

describe('no import cycles', () => {
  for (const part of PARTS) {
    it(`${part.name}: no cycle beyond the allow-list`, async () => {
      const tree = await graph(part.files, part.tsconfig);
      // The graph really is the code: files were found and their relative imports resolved.
      const own = Object.keys(tree).filter((f) => !f.includes('node_modules'));
      expect(own.length).toBeGreaterThan(20);
      const resolved = own.flatMap((f) => tree[f] ?? []).filter((d) => d.request.startsWith('.') && d.id);
      expect(resolved.length).toBeGreaterThan(own.length / 2);

      const allowed = new Set(ALLOWED.map((c) => c.join(' ')));
      const found = cycles(tree).map((c) => c.join(' '));
      expect(found.filter((c) => !allowed.has(c)), 'import cycles (each: every file in it)').toEqual([]);
    }, 120_000);
  }

  it('admin: no feature imports another feature, and shared/ imports none', async () => {
    const tree = await graph(PARTS[0].files, PARTS[0].tsconfig);
    const featureOf = (file: string) => /^admin\/src\/features\/([^/]+)\//.exec(file)?.[1];
    const crossings = Object.entries(tree).flatMap(([file, deps]) =>
      (deps ?? [])
        .filter((d) => d.id && featureOf(d.id) && (file.startsWith('admin/src/shared/') || (featureOf(file) && featureOf(file) !== featureOf(d.id))))
        .map((d) => `${file} → ${d.id}`),
    );
    expect(crossings).toEqual([]);
  }, 120_000);

  it('server: no controller reads the database itself (services do; a controller delegates)', async () => {
    const tree = await graph(PARTS[1].files, PARTS[1].tsconfig);
    const controllers = Object.keys(tree).filter((f) => /^server\/src\/.+\.controller\.ts$/.test(f));
    expect(controllers.length).toBeGreaterThan(20);
    const importsPrisma = (f: string) => (tree[f] ?? []).some((d) => d.id === 'server/src/database/prisma.service.ts');
    // The services do (so the check sees the import at all).
    expect(Object.keys(tree).filter((f) => f.endsWith('.service.ts') && importsPrisma(f)).length).toBeGreaterThan(10);
    const readers = controllers.filter(importsPrisma);
    expect(readers, 'controllers importing the Prisma client').toEqual([]);
  }, 120_000);

  it('the cycle finder finds a cycle', () => {
    const dep = (issuer: string, id: string) => ({ issuer, request: `./${id}`, kind: 'StaticImport' as never, id });
    const tree: DependencyTree = { a: [dep('a', 'b')], b: [dep('b', 'c')], c: [dep('c', 'a')], d: [dep('d', 'a')] };
    expect(cycles(tree)).toEqual([['a', 'b', 'c']]);
  });
});
