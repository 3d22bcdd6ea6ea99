import { describe, expect, it } from 'vitest';
import { AppError } from '../common/app-error.js';
import { parseListQuery, type ListSpec } from './list-query.js';

const spec: ListSpec = {
  fields: {
    id: { kind: 'int', sortable: true },
    name: { kind: 'string', sortable: true },
    sex: { kind: 'enum', values: ['MALE', 'FEMALE'] },
    joinedOn: { kind: 'date', sortable: true },
  },
  search: (q) => ({ name: { contains: q } }),
  defaultSort: [{ id: 'asc' }],
};

describe('parseListQuery (simple-rest contract)', () => {
  it('turns paging, sorting, filters and search into a Prisma query', () => {
    const q = parseListQuery(spec, { _start: '20', _end: '40', _sort: 'name', _order: 'desc', sex: 'MALE', joinedOn_gte: '2024-01-01', name_like: '王', q: 'li' });
    expect(q.skip).toBe(20);
    expect(q.take).toBe(20);
    expect(q.orderBy).toEqual([{ name: 'desc' }, { id: 'asc' }]);
    expect(q.where).toEqual({
      AND: [
        { sex: 'MALE' },
        { joinedOn: { gte: new Date('2024-01-01T00:00:00Z') } },
        { name: { contains: '王', mode: 'insensitive' } },
        { name: { contains: 'li' } },
      ],
    });
  });

  it('offers the broader search for when the narrow one finds nothing, with the same filters', () => {
    const tiered: ListSpec = { ...spec, search: (q) => ({ name: { startsWith: q } }), searchWhenNoneFound: (q) => (q.length >= 3 ? { name: { contains: q } } : null) };
    const long = parseListQuery(tiered, { sex: 'FEMALE', q: ' 阳晓岚 ' });
    expect(long.q).toBe('阳晓岚');
    expect(long.where).toEqual({ AND: [{ sex: 'FEMALE' }, { name: { startsWith: '阳晓岚' } }] });
    expect(long.whereWhenNoneFound).toEqual({ AND: [{ sex: 'FEMALE' }, { name: { contains: '阳晓岚' } }] });
    expect(parseListQuery(tiered, { q: '阳晓' }).whereWhenNoneFound).toBeUndefined();
    const none = parseListQuery(tiered, { q: '  ' });
    expect(none.q).toBeUndefined();
    expect(none.where).toEqual({});
  });

  it('reads repeated keys as "in" (getMany)', () => {
    expect(parseListQuery(spec, { id: ['1', '2'] }).where).toEqual({ AND: [{ id: { in: [1, 2] } }] });
  });

  it('rejects unknown fields, bad values and unsortable fields with a field path', () => {
    for (const query of [{ bogus: '1' }, { id: 'abc' }, { sex: 'X' }, { _sort: 'sex' }, { _start: '-1' }, { _start: '10', _end: '5' }, { id: "1' OR 1=1" }]) {
      try {
        parseListQuery(spec, query);
        expect.unreachable(JSON.stringify(query));
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).status).toBe(400);
        expect(Object.keys((e as AppError).fields)).toHaveLength(1);
      }
    }
  });

  it('caps the page size', () => {
    expect(parseListQuery(spec, { _start: '0', _end: '100000' }).take).toBe(500);
  });
});
