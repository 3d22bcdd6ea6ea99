// R-1's queries as the report page runs them: each section of cube/member-quarter-queries.json once
// for all the quarter ends it compares (one query a section instead of one a section and quarter),
// the quarter end as a day so each row says which quarter it is. tests/analysis.test.ts checks
// that this form gives the same figures as the section's query for each quarter alone.
import type { Query } from '@cubejs-client/core';
import queries from '../../../../../cube/member-quarter-queries.json';

export type QueryName = Exclude<keyof typeof queries, '//'>;
export const QUERY_NAMES = Object.keys(queries).filter((k) => k !== '//') as QueryName[];

/** The section's query over the quarter ends from `first` to `last` (YYYY-MM-DD), by day. */
export function sectionOverQuarters(name: QueryName, first: string, last: string): Query {
  const q = JSON.parse(JSON.stringify(queries[name])) as { timeDimensions: { dimension: string }[] } & Record<string, unknown>;
  return { ...q, timeDimensions: q.timeDimensions.map((t) => ({ dimension: t.dimension, dateRange: [first, last] as [string, string], granularity: 'day' as const })) } as Query;
}

/** The member naming a row's quarter end in the answer to `sectionOverQuarters`. */
export function quarterEndMember(name: QueryName): string {
  return `${(queries[name] as { timeDimensions: { dimension: string }[] }).timeDimensions[0].dimension}.day`;
}

/** The rows of one quarter end (YYYY-MM-DD) among the answer's. */
export function rowsAt<Row extends Record<string, unknown>>(name: QueryName, rows: Row[], end: string): Row[] {
  const member = quarterEndMember(name);
  return rows.filter((r) => String(r[member] ?? '').slice(0, 10) === end);
}
