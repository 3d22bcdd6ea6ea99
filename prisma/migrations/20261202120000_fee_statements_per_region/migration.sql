-- M-8: quarter statements per region. A regional club compiles and reads its own region's
-- statement; the group's statement (regionCode NULL, every region) is the club manager's.
-- Statements compiled before this were the group's: they keep regionCode NULL.
ALTER TABLE "fee_statements" ADD COLUMN "regionCode" VARCHAR(16);

DROP INDEX "fee_statements_year_quarter_key";

-- Added by hand: NULLS NOT DISTINCT, so the group's statement (NULL region) is also one per
-- quarter. Prisma's schema language cannot say it; the schema's @@unique([year, quarter, regionCode])
-- is this index otherwise.
CREATE UNIQUE INDEX "fee_statements_year_quarter_regionCode_key" ON "fee_statements"("year", "quarter", "regionCode") NULLS NOT DISTINCT;

ALTER TABLE "fee_statements" ADD CONSTRAINT "fee_statements_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
