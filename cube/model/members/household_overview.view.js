// Households per project, for the dashboard's coverage figures.
view(`household_overview`, {
  description: `Households (units with owners) by project and region`,

  cubes: [
    {
      join_path: households,
      includes: [`count`],
    },
    {
      join_path: households.projects,
      includes: [
        { name: `name`, alias: `project_name` },
        { name: `code`, alias: `project_code` },
        `region_code`,
      ],
    },
  ],
});
