import { describe, expect, it } from 'vitest';
import { CUBE_MAX_LIMIT, checkQuery, scrub, stripStacks } from './cube-proxy.js';

describe('Cube queries the proxy forwards', () => {
  it('takes one query or several, and refuses malformed ones and a limit above Cube’s maximum', () => {
    expect(checkQuery({ measures: ['a.count'] }).ok).toBe(true);
    expect(checkQuery('[{"measures":["a.count"]},{"dimensions":["a.b"],"limit":10}]').ok).toBe(true);
    expect(checkQuery('{"measures":[').ok).toBe(false);
    expect(checkQuery('"text"').ok).toBe(false);
    expect(checkQuery({ measures: 'a.count' }).ok).toBe(false);
    expect(checkQuery({ measures: ['a.count'], limit: CUBE_MAX_LIMIT }).ok).toBe(true);
    expect(checkQuery({ measures: ['a.count'], limit: CUBE_MAX_LIMIT + 1 })).toMatchObject({ ok: false, key: 'auth.cubeLimit' });
    expect(checkQuery([]).ok).toBe(false);
  });
});

describe('answers the proxy passes back', () => {
  it('loses stack lines and server paths, keeps the message', () => {
    expect(scrub("Error: Cube 'x' not found\n    at load (/work/main/node_modules/a/b.js:1:2)")).toBe("Error: Cube 'x' not found");
    expect(scrub('Compile error in /work/main/cube/model/cubes/members.js:12:3')).toBe('Compile error in …');
    expect(scrub('between 2024/01/02 and 2024/03/04')).toBe('between 2024/01/02 and 2024/03/04');
  });

  it('drops stack fields, and in errors any text naming a path; rows are left alone', () => {
    const ok = stripStacks({ data: [{ 'a.path': '/x/y/z' }], stack: 's', results: [{ stack: 's', data: [] }] }, false);
    expect(ok).toEqual({ data: [{ 'a.path': '/x/y/z' }], results: [{ data: [] }] });
    expect(stripStacks({ error: 'bad at /srv/app/x.js', file: '/srv/app/x.js', type: 'UserError', stack: 's' }, true)).toEqual({ error: 'bad at …', type: 'UserError' });
  });
});
