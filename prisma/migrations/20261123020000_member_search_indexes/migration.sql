-- Prefix indexes for the members search (q): name and pinyin as staff type them, surname first.
-- varchar_pattern_ops serves LIKE 'x%' whatever the database's collation.
CREATE INDEX "members_name_prefix_idx" ON "members"("name" varchar_pattern_ops);
CREATE INDEX "members_pinyin_prefix_idx" ON "members"("pinyin" varchar_pattern_ops);
