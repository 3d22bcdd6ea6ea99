// Households (a unit and its owners, M-1). Private: reached through household_overview.
import { ROLLUP, rollupsEnabled } from '../shared/rollups';

cube(`households`, {
  sql_table: `public.households`,
  public: false,

  joins: {
    projects: {
      relationship: `many_to_one`,
      sql: `${CUBE}."projectId" = ${projects}.id`,
    },
  },

  measures: {
    count: {
      type: `count`,
      description: `Number of households`,
    },
  },

  dimensions: {
    id: {
      sql: `id`,
      type: `number`,
      primary_key: true,
    },
    project_id: {
      sql: `${CUBE}."projectId"`,
      type: `number`,
    },
  },

  // Cube transforms member references only inside the cube's own object: the definitions stay
  // here, and the shared settings and the switch come from shared/rollups.js.
  ...(rollupsEnabled(COMPILE_CONTEXT)
    ? {
        pre_aggregations: {
          by_project: {
            ...ROLLUP,
            measures: [CUBE.count],
            dimensions: [projects.region_code, projects.name, projects.code],
          },
        },
      }
    : {}),
});
