// What every rollup of the model shares, in one place: the switch benchmarks use to serve
// everything from the tables (cube.js passes it as COMPILE_CONTEXT.pre_aggregations), and the
// settings every rollup takes — kept in the same PostgreSQL (external: false, no Cube Store) and
// rebuilt hourly. A cube writes
//
//   ...(rollupsEnabled(COMPILE_CONTEXT) ? { pre_aggregations: { name: { ...ROLLUP, measures, dimensions } } } : {}),
//
// (Cube turns member references into functions only inside the cube's own object, so the
// definitions themselves cannot be built by a function here.)
//
// A plain CommonJS module outside model/: Cube 0.33 loads a model file's `import` with Node's
// require, resolved from the model folder (so `import { rollups } from '../shared/rollups'`), and
// a module loaded that way does not see the model's COMPILE_CONTEXT: the cube passes it in.
'use strict';

const ROLLUP = {
  type: 'rollup',
  external: false,
  refresh_key: { every: '1 hour' },
};

function rollupsEnabled(compileContext) {
  return !compileContext || compileContext.pre_aggregations !== false;
}

module.exports = { ROLLUP, rollupsEnabled };
