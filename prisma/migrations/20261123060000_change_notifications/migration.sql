-- Change notices for the API's in-process caches (server/src/database/change-feed.ts): list
-- totals and place names are kept until one of these tables changes. One notice per statement
-- (PostgreSQL folds identical notices within a transaction and delivers them at commit), so a
-- bulk import costs one notice, not one per row.
CREATE FUNCTION announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('club_changes', TG_TABLE_NAME);
  RETURN NULL;
END $$;

CREATE TRIGGER members_announce_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "members"
  FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
CREATE TRIGGER applications_announce_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "applications"
  FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
CREATE TRIGGER households_announce_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "households"
  FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
CREATE TRIGGER units_announce_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "units"
  FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
CREATE TRIGGER buildings_announce_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "buildings"
  FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
CREATE TRIGGER projects_announce_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "projects"
  FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
