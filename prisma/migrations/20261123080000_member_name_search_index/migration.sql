-- A whole name typed at the counter ("王伟") matches about one member in six hundred, scattered
-- over the table: counting them and sorting them into M-1 order read a table page per match,
-- twice per request. With the M-1 keys and the region in the name index, the count and the
-- page's ids come from the index alone (index-only scans); only the 20 rows shown are read.
DROP INDEX "members_name_prefix_idx";
CREATE INDEX "members_name_prefix_idx" ON "members"("name" varchar_pattern_ops, "projectId", "buildingId", "unitId", "id", "regionCode");
