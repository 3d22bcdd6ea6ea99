// R-1 / M-12: the membership as it stood at each quarter's end, one row per member who was a member
// at some time in the quarter (member_quarter_snapshots, frozen by the API's scheduled job). No
// names, ID numbers, contacts or birth dates: ages and tenures are whole years on that day.
// Private: read through the member_quarter_profile view.
cube(`member_quarters`, {
  sql_table: `public.member_quarter_snapshots`,
  public: false,

  joins: {
    projects: {
      relationship: `many_to_one`,
      sql: `${CUBE}."projectId" = ${projects}.id`,
    },
  },

  measures: {
    members: {
      type: `count`,
      description: `Members on the quarter's last day`,
      filters: [{ sql: `${CUBE}."memberAtEnd"` }],
    },
    joined: {
      type: `count`,
      description: `Members who joined during the quarter (and were members at some time in it)`,
      filters: [{ sql: `${CUBE}."joinedInQuarter"` }],
    },
    left: {
      type: `count`,
      description: `Members who left during the quarter`,
      filters: [{ sql: `${CUBE}."leftInQuarter"` }],
    },
  },

  dimensions: {
    key: {
      sql: `${CUBE}."quarterEnd" || '-' || ${CUBE}."memberId"`,
      type: `string`,
      primary_key: true,
    },
    quarter_end: { sql: `${CUBE}."quarterEnd"`, type: `time` },
    region_code: { sql: `${CUBE}."regionCode"`, type: `string` },
    sex: { sql: `${CUBE}.sex::text`, type: `string` },
    age_band: {
      type: `string`,
      case: {
        when: [
          { sql: `${CUBE}."ageYears" < 30`, label: `18-29` },
          { sql: `${CUBE}."ageYears" < 40`, label: `30-39` },
          { sql: `${CUBE}."ageYears" < 50`, label: `40-49` },
          { sql: `${CUBE}."ageYears" < 60`, label: `50-59` },
          { sql: `${CUBE}."ageYears" < 70`, label: `60-69` },
        ],
        else: { label: `70+` },
      },
    },
    education: { sql: `coalesce(${CUBE}.education::text, 'UNKNOWN')`, type: `string` },
    employment_status: { sql: `${CUBE}."employmentStatus"::text`, type: `string` },
    industry: { sql: `coalesce(nullif(${CUBE}."businessType", ''), '—')`, type: `string` },
    occupation: { sql: `coalesce(nullif(${CUBE}.position, ''), '—')`, type: `string` },
    marital_status: { sql: `${CUBE}."maritalStatus"::text`, type: `string` },
    children: {
      type: `string`,
      case: {
        when: [
          { sql: `${CUBE}."childrenCount" = 0`, label: `0` },
          { sql: `${CUBE}."childrenCount" = 1`, label: `1` },
          { sql: `${CUBE}."childrenCount" = 2`, label: `2` },
        ],
        else: { label: `3+` },
      },
    },
    household_size: {
      type: `string`,
      case: {
        when: [
          { sql: `${CUBE}."householdSize" <= 1`, label: `1` },
          { sql: `${CUBE}."householdSize" = 2`, label: `2` },
          { sql: `${CUBE}."householdSize" = 3`, label: `3` },
          { sql: `${CUBE}."householdSize" = 4`, label: `4` },
        ],
        else: { label: `5+` },
      },
    },
    cards_in_household: { sql: `least(${CUBE}."cardsInHousehold", 3)::text`, type: `string`, description: `0, 1, 2, or 3 for three or more` },
    has_car: { sql: `${CUBE}."hasCar"`, type: `boolean` },
    tenure: {
      type: `string`,
      case: {
        when: [
          { sql: `${CUBE}."tenureYears" < 1`, label: `<1` },
          { sql: `${CUBE}."tenureYears" < 3`, label: `1-2` },
          { sql: `${CUBE}."tenureYears" < 5`, label: `3-4` },
          { sql: `${CUBE}."tenureYears" < 10`, label: `5-9` },
        ],
        else: { label: `10+` },
      },
    },
  },
});

// Hobbies and reasons for joining are lists on the form: one row per member and item, for the
// members on the quarter's last day.
cube(`member_quarter_hobbies`, {
  sql: `SELECT s."quarterEnd", s."memberId", s."regionCode", s."projectId", h AS "hobbyId"
          FROM public.member_quarter_snapshots s, unnest(s."hobbyIds") h WHERE s."memberAtEnd"`,
  public: false,

  joins: {
    hobbies: {
      relationship: `many_to_one`,
      sql: `${CUBE}."hobbyId" = ${hobbies}.id`,
    },
  },

  measures: {
    members: { type: `count`, description: `Members on the quarter's last day with this hobby` },
  },

  dimensions: {
    key: { sql: `${CUBE}."quarterEnd" || '-' || ${CUBE}."memberId" || '-' || ${CUBE}."hobbyId"`, type: `string`, primary_key: true },
    quarter_end: { sql: `${CUBE}."quarterEnd"`, type: `time` },
    region_code: { sql: `${CUBE}."regionCode"`, type: `string` },
    hobby_id: { sql: `${CUBE}."hobbyId"`, type: `number` },
  },
});

cube(`member_quarter_reasons`, {
  sql: `SELECT s."quarterEnd", s."memberId", s."regionCode", r::text AS reason
          FROM public.member_quarter_snapshots s, unnest(s."joinReasons") r WHERE s."memberAtEnd"`,
  public: false,

  measures: {
    members: { type: `count`, description: `Members on the quarter's last day who gave this reason for joining` },
  },

  dimensions: {
    key: { sql: `${CUBE}."quarterEnd" || '-' || ${CUBE}."memberId" || '-' || ${CUBE}.reason`, type: `string`, primary_key: true },
    quarter_end: { sql: `${CUBE}."quarterEnd"`, type: `time` },
    region_code: { sql: `${CUBE}."regionCode"`, type: `string` },
    reason: { sql: `${CUBE}.reason`, type: `string` },
  },
});
