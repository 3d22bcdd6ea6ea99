-- A-1: one annual activity plan per year for each region, and one for the group club itself
-- (regionCode NULL). The service checked this before inserting, which two authors submitting at
-- once could both pass; the database now holds the rule. The service only ever let one plan per
-- year and level in, so existing data satisfies the index; should a race have slipped a second one
-- in, this migration stops with a unique violation naming the pair, to be settled by hand first.
DROP INDEX "activity_plans_year_regionCode_idx";

-- Added by hand: NULLS NOT DISTINCT, so the group's plan (NULL region) is also one per year.
-- Prisma's schema language cannot say it; the schema's @@unique([year, regionCode]) is this index
-- otherwise (as fee_statements_year_quarter_regionCode_key).
CREATE UNIQUE INDEX "activity_plans_year_regionCode_key" ON "activity_plans"("year", "regionCode") NULLS NOT DISTINCT;
