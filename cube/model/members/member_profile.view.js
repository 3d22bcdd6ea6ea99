// What the admin dashboard asks about members: counts by project, sex, age band, status and
// quarter of joining. No names, ID numbers or contacts: the view carries no personal data.
view(`member_profile`, {
  description: `Club members: counts by project, region, sex, age band, status and joining date`,

  cubes: [
    {
      join_path: members,
      includes: [`count`, `sex`, `age_band`, `joined_on`, `status`, `region_code`],
    },
    {
      join_path: members.projects,
      includes: [
        { name: `name`, alias: `project_name` },
        { name: `code`, alias: `project_code` },
      ],
    },
  ],
});
