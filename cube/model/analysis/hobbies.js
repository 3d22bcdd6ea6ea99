// The club's list of hobbies (六、兴趣爱好). Private: reached through the views.
cube(`hobbies`, {
  sql_table: `public.hobbies`,
  public: false,

  dimensions: {
    id: { sql: `id`, type: `number`, primary_key: true },
    name_zh: { sql: `${CUBE}."nameZh"`, type: `string` },
  },
});
