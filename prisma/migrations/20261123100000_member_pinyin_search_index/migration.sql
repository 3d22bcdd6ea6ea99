-- Latin text searches the start of the pinyin ("wang xiao"), as Chinese text searches the start of
-- the name: with the M-1 keys and the region in the pinyin index too, the count and the page's ids
-- come from the index alone (see 20261123080000_member_name_search_index).
DROP INDEX "members_pinyin_prefix_idx";
CREATE INDEX "members_pinyin_prefix_idx" ON "members"("pinyin" varchar_pattern_ops, "projectId", "buildingId", "unitId", "id", "regionCode");
