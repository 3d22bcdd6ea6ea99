-- Indexes the benchmarks at 1,000,000 members asked for: the overdue view sorts by deadline,
-- and a project's members are most often listed by name.
CREATE INDEX "applications_dueOn_id_idx" ON "applications"("dueOn", "id");
CREATE INDEX "members_projectId_name_idx" ON "members"("projectId", "name");
