-- Seed 001 region scope: a merchant, an annual or implementation plan and an approval round belong
-- to a region that exists (or, where the column allows it, to the group club: NULL). The services
-- checked the region before writing; the database now holds it too, and a region still in use
-- cannot be deleted (as fee_statements). The services only ever wrote existing regions' codes.
ALTER TABLE "merchants" ADD CONSTRAINT "merchants_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "activity_plans" ADD CONSTRAINT "activity_plans_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "implementation_plans" ADD CONSTRAINT "implementation_plans_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
