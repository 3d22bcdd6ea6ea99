// What every rollup of the model shares, in one place: the switch benchmarks use to serve
// everything from the tables (cube.js passes it as COMPILE_CONTEXT.pre_aggregations), and the
// settings every rollup takes — kept in the same PostgreSQL (external: false, no Cube Store) and
// rebuilt hourly. A cube spreads `...rollups({ name: { measures, dimensions, ... } })`.
export const rollupsEnabled = COMPILE_CONTEXT.pre_aggregations !== false;

export const ROLLUP_DEFAULTS = {
  type: `rollup`,
  external: false,
  refresh_key: { every: `1 hour` },
};

/** The cube's pre_aggregations with the shared defaults, or none when rollups are switched off. */
export function rollups(definitions) {
  if (!rollupsEnabled) return {};
  const pre_aggregations = {};
  for (const [name, definition] of Object.entries(definitions)) pre_aggregations[name] = { ...ROLLUP_DEFAULTS, ...definition };
  return { pre_aggregations };
}
