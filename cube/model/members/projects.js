// Projects (楼盘, M-1). Private: reached through the views.
cube(`projects`, {
  sql_table: `public.projects`,
  public: false,

  dimensions: {
    id: {
      sql: `id`,
      type: `number`,
      primary_key: true,
    },
    name: {
      sql: `name`,
      type: `string`,
    },
    code: {
      sql: `code`,
      type: `string`,
    },
    region_code: {
      sql: `${CUBE}."regionCode"`,
      type: `string`,
    },
  },
});
