// The views the admin may query, each with the member that carries the region code (cube.js adds
// `<member> = <region>` to every query of a regional user). A view not listed here cannot be
// queried at all; tests/cube-model.test.ts fails when a view of the model is missing here.
'use strict';

const REGION_MEMBER = {
  member_profile: 'member_profile.region_code',
  household_overview: 'household_overview.region_code',
  member_quarter_profile: 'member_quarter_profile.region_code',
  member_quarter_hobby_counts: 'member_quarter_hobby_counts.region_code',
  member_quarter_reason_counts: 'member_quarter_reason_counts.region_code',
};

module.exports = { REGION_MEMBER };
