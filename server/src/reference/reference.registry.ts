import type { CurrentUser } from '../auth/current-user.js';
import { projectRegionFilter, regionFilter } from '../auth/region-scope.js';
import type { ListSpec } from '../crud/list-query.js';
import { unitLabel } from '../members/member.mapper.js';

/**
 * The read-only lists the admin's filters and pickers need, described once and served by one
 * generic controller: which Prisma model, what may be filtered and sorted, how the caller's
 * region narrows it, and the shape that leaves the API.
 */
export interface ReferenceResource {
  model: 'region' | 'project' | 'building' | 'unit' | 'household' | 'hobby';
  spec: ListSpec;
  scope: (user: CurrentUser) => Record<string, unknown>;
  select: Record<string, unknown>;
  map: (row: any) => unknown;
  idField?: string;
}

const idInt = { kind: 'int', sortable: true } as const;

export const referenceResources: Record<string, ReferenceResource> = {
  regions: {
    model: 'region',
    idField: 'code',
    spec: { fields: { code: { kind: 'string', sortable: true }, id: { kind: 'string', column: 'code' }, name: { kind: 'string', sortable: true } }, defaultSort: [{ code: 'asc' }], defaultPageSize: 100 },
    scope: (u) => (u.regionCode ? { code: u.regionCode } : {}),
    select: { code: true, name: true },
    map: (r) => ({ id: r.code, code: r.code, name: r.name }),
  },
  projects: {
    model: 'project',
    spec: {
      fields: { id: idInt, code: { kind: 'string', sortable: true }, name: { kind: 'string', sortable: true }, regionCode: { kind: 'string', sortable: true }, newlyLaunched: { kind: 'bool' } },
      search: (q) => ({ OR: [{ name: { contains: q, mode: 'insensitive' } }, { code: { contains: q, mode: 'insensitive' } }] }),
      defaultSort: [{ regionCode: 'asc' }, { code: 'asc' }, { id: 'asc' }],
      defaultPageSize: 200,
    },
    scope: regionFilter,
    select: { id: true, code: true, name: true, regionCode: true, city: true, address: true, newlyLaunched: true },
    map: (r) => r,
  },
  buildings: {
    model: 'building',
    spec: { fields: { id: idInt, projectId: idInt, name: { kind: 'string', sortable: true } }, defaultSort: [{ projectId: 'asc' }, { sortOrder: 'asc' }, { id: 'asc' }], defaultPageSize: 200 },
    scope: projectRegionFilter,
    select: { id: true, projectId: true, name: true },
    map: (r) => r,
  },
  units: {
    model: 'unit',
    spec: { fields: { id: idInt, projectId: idInt, buildingId: idInt, number: { kind: 'string', sortable: true }, floor: idInt }, defaultSort: [{ buildingId: 'asc' }, { floor: 'asc' }, { number: 'asc' }, { id: 'asc' }], defaultPageSize: 500 },
    scope: projectRegionFilter,
    select: { id: true, projectId: true, buildingId: true, number: true, floor: true },
    map: (r) => r,
  },
  households: {
    model: 'household',
    spec: { fields: { id: idInt, unitId: idInt, projectId: idInt }, defaultSort: [{ id: 'asc' }], defaultPageSize: 50 },
    scope: projectRegionFilter,
    select: { id: true, unitId: true, projectId: true, unit: { select: { number: true, building: { select: { name: true } } } }, owners: { select: { id: true, name: true }, orderBy: { id: 'asc' } } },
    map: (r) => ({ id: r.id, unitId: r.unitId, projectId: r.projectId, unitLabel: unitLabel(r.unit.building.name, r.unit.number), owners: r.owners }),
  },
  hobbies: {
    model: 'hobby',
    spec: { fields: { id: idInt, code: { kind: 'string' }, sortOrder: idInt }, defaultSort: [{ sortOrder: 'asc' }, { id: 'asc' }], defaultPageSize: 100 },
    scope: () => ({}),
    select: { id: true, code: true, nameZh: true, nameEn: true, sortOrder: true },
    map: (r) => r,
  },
};
