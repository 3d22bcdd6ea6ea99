// Cube configuration: who may ask, and what they may see.
//
// Tokens are issued by the API (HS256, signed with CUBEJS_API_SECRET) and carry
// { role, region }. Cube itself verifies the signature and expiry before anything here runs;
// the verified payload is `securityContext`.
//
// Region rule: a token without a region is refused. Region 'ALL' (the group club) sees every
// region; any other region gets `<view>.region_code = <region>` added to the query for every
// view the query touches. Only the views below may be queried: the cubes are private, and a
// view without a region_code member could not be restricted, so it is not on the list.
'use strict';

const { CubejsHandlerError } = require('@cubejs-backend/api-gateway');

const { REGION_MEMBER } = require('./region-rule.cjs');

/** The group club's region value: no region filter. */
const ALL_REGIONS = 'ALL';

// Benchmarks compare Cube with and without its rollups; the model reads this through
// COMPILE_CONTEXT (see shared/rollups.js) and omits its pre_aggregations when false.
const preAggregationsEnabled = process.env.CUBE_DISABLE_PREAGGREGATIONS !== '1';

/** The gateway answers a CubejsHandlerError with its status (a plain Error would be a 500). */
function refuse(message) {
  return new CubejsHandlerError(403, 'Forbidden', message);
}

/** Every member name a query mentions, including inside nested and/or filters. */
function membersOf(query) {
  const names = [];
  const add = (m) => {
    if (typeof m === 'string') names.push(m);
  };
  (query.measures || []).forEach(add);
  (query.dimensions || []).forEach(add);
  (query.segments || []).forEach(add);
  (query.timeDimensions || []).forEach((td) => add(td.dimension));
  const walk = (filters) => {
    for (const f of filters || []) {
      if (f.and) walk(f.and);
      else if (f.or) walk(f.or);
      else add(f.member || f.dimension);
    }
  };
  walk(query.filters);
  const order = query.order;
  if (Array.isArray(order)) order.forEach((o) => add(Array.isArray(o) ? o[0] : o.id));
  else if (order && typeof order === 'object') Object.keys(order).forEach(add);
  return names;
}

function restrictToRegion(query, securityContext) {
  const region = securityContext && securityContext.region;
  if (typeof region !== 'string' || region === '') {
    throw refuse('Forbidden: the token carries no region');
  }
  const views = new Set(membersOf(query).map((m) => m.split('.')[0]));
  for (const v of views) {
    if (!Object.prototype.hasOwnProperty.call(REGION_MEMBER, v)) throw refuse(`Forbidden: "${v}" cannot be queried`);
  }
  if (region === ALL_REGIONS) return query;
  const filters = [...(query.filters || [])];
  for (const v of views) {
    filters.push({ member: REGION_MEMBER[v], operator: 'equals', values: [region] });
  }
  return { ...query, filters };
}

module.exports = {
  // 'postgres' is read from CUBEJS_DB_TYPE, and the connection from CUBEJS_DB_* (server.cjs
  // sets them from DATABASE_URL; Cube's own deployment sets them directly).
  queryRewrite: (query, { securityContext }) => restrictToRegion(query, securityContext),

  // The model is the same for every region (regions differ only by the filter above), so one
  // app id, one compiled model and one set of rollup tables serve every caller.
  contextToAppId: () => (preAggregationsEnabled ? 'club' : 'club_without_rollups'),
  extendContext: () => ({ pre_aggregations: preAggregationsEnabled }),

  // Rollups keep region_code, so one build with the group club's context serves all regions.
  scheduledRefreshContexts: () => [
    { securityContext: { region: ALL_REGIONS, role: 'refresh_worker' }, pre_aggregations: preAggregationsEnabled },
  ],
};
