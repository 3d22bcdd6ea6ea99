// One row per club member (M-4). Private: the admin queries the member_profile view.
// The table carries the member's region and project (denormalised from the household), so
// the region filter that cube.js adds never needs a join.
import { ROLLUP, rollupsEnabled } from '../shared/rollups';

cube(`members`, {
  sql_table: `public.members`,
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
      description: `Number of members`,
    },
  },

  dimensions: {
    id: {
      sql: `id`,
      type: `number`,
      primary_key: true,
    },
    region_code: {
      sql: `${CUBE}."regionCode"`,
      type: `string`,
    },
    project_id: {
      sql: `${CUBE}."projectId"`,
      type: `number`,
    },
    sex: {
      sql: `${CUBE}.sex::text`,
      type: `string`,
      description: `MALE or FEMALE`,
    },
    status: {
      sql: `${CUBE}.status::text`,
      type: `string`,
      description: `ACTIVE or LEFT`,
    },
    birth_date: {
      sql: `${CUBE}."birthDate"`,
      type: `time`,
    },
    joined_on: {
      sql: `${CUBE}."joinedOn"`,
      type: `time`,
    },
    // Whole years of age today. Anyone under 18 (not expected: members are adult owners and
    // family) gets a band of their own rather than being counted as 18-29.
    age_band: {
      type: `string`,
      case: {
        when: [
          { sql: `date_part('year', age(CURRENT_DATE, ${CUBE}."birthDate")) < 18`, label: `0-17` },
          { sql: `date_part('year', age(CURRENT_DATE, ${CUBE}."birthDate")) < 30`, label: `18-29` },
          { sql: `date_part('year', age(CURRENT_DATE, ${CUBE}."birthDate")) < 40`, label: `30-39` },
          { sql: `date_part('year', age(CURRENT_DATE, ${CUBE}."birthDate")) < 50`, label: `40-49` },
          { sql: `date_part('year', age(CURRENT_DATE, ${CUBE}."birthDate")) < 60`, label: `50-59` },
          { sql: `date_part('year', age(CURRENT_DATE, ${CUBE}."birthDate")) < 70`, label: `60-69` },
        ],
        else: { label: `70+` },
      },
    },
  },

  // Every dashboard chart on member_profile is answered by one of these small rollups. Each
  // keeps region_code, so one build serves every region: cube.js only adds a region filter.
  // Ages move with the calendar, so the hourly rebuild also keeps age_band current.
  // Cube transforms member references only inside the cube's own object: the definitions stay
  // here, and the shared settings and the switch come from shared/rollups.js.
  ...(rollupsEnabled(COMPILE_CONTEXT)
    ? {
        pre_aggregations: {
          by_project: {
            ...ROLLUP,
            measures: [CUBE.count],
            dimensions: [CUBE.region_code, CUBE.status, projects.name, projects.code],
          },
          by_profile: {
            ...ROLLUP,
            measures: [CUBE.count],
            dimensions: [CUBE.region_code, CUBE.status, CUBE.sex, CUBE.age_band],
          },
          joined_by_quarter: {
            ...ROLLUP,
            measures: [CUBE.count],
            dimensions: [CUBE.region_code, CUBE.status],
            time_dimension: CUBE.joined_on,
            granularity: `quarter`,
          },
        },
      }
    : {}),
});
