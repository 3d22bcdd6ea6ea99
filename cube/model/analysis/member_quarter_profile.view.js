// the membership at each quarter's end for the quarterly member analysis — counts by project,
// age band, sex, education, occupation and industry, marital status, children, car, household
// size, cards per household and tenure, with the quarter's joiners and leavers. No personal data.
view(`member_quarter_profile`, {
  description: `Members as they stood on each quarter's last day (R-1)`,

  cubes: [
    {
      join_path: member_quarters,
      includes: [
        `members`, `joined`, `left`, `quarter_end`, `region_code`, `sex`, `age_band`, `education`, `employment_status`,
        `industry`, `occupation`, `marital_status`, `children`, `household_size`, `cards_in_household`, `has_car`, `tenure`,
      ],
    },
    {
      join_path: member_quarters.projects,
      includes: [
        { name: `name`, alias: `project_name` },
        { name: `code`, alias: `project_code` },
      ],
    },
  ],
});

// hobbies of the members on each quarter's last day.
view(`member_quarter_hobby_counts`, {
  description: `Hobbies of the members on each quarter's last day (R-1)`,

  cubes: [
    {
      join_path: member_quarter_hobbies,
      includes: [`members`, `quarter_end`, `region_code`, `hobby_id`],
    },
    {
      join_path: member_quarter_hobbies.hobbies,
      includes: [{ name: `name_zh`, alias: `hobby_name` }],
    },
  ],
});

// reasons for joining of the members on each quarter's last day.
view(`member_quarter_reason_counts`, {
  description: `Reasons for joining of the members on each quarter's last day (R-1)`,

  cubes: [
    {
      join_path: member_quarter_reasons,
      includes: [`members`, `quarter_end`, `region_code`, `reason`],
    },
  ],
});
