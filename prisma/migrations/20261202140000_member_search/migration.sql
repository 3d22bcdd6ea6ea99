-- Member search as staff type it (server/src/members/pinyin.ts, search-keys.ts):
--   pinyinKey  the pinyin without spaces, ü and v written U ("LÜ MUCHEN" → LUMUCHEN), so "wangyi",
--              "wang yi", "lv", "lu" and "lü" are found alike;
--   initials   the syllables' first letters ("WANG YUQING" → WYQ);
--   phoneKey   the mobile's digits last first, so its last four (or more) digits start it;
--   roomKey    the room, then the building's parts ("3栋" 502 → "502-3-").
-- A trigger fills them on every write of a member, whoever writes it (the API, the Excel import's
-- bulk INSERT, the seed), and again when a building or a unit is renamed. The API passes initials
-- it reads from the characters (pinyin-pro); without them they are read from the pinyin.
-- Each key has a prefix index with the M-1 keys and the region, like the name's, so a search is an
-- index-only scan. The prefix index on the pinyin is replaced by the one on pinyinKey.

ALTER TABLE "members"
  ADD COLUMN "pinyinKey" VARCHAR(100) NOT NULL DEFAULT '',
  ADD COLUMN "initials" VARCHAR(50) NOT NULL DEFAULT '',
  ADD COLUMN "phoneKey" VARCHAR(20) NOT NULL DEFAULT '',
  ADD COLUMN "roomKey" VARCHAR(100) NOT NULL DEFAULT '';

-- pinyin.ts pinyinKey
CREATE FUNCTION member_pinyin_key(p text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT upper(regexp_replace(translate(coalesce(p, ''), 'üÜǖǘǚǜǕǗǙǛvV', 'UUUUUUUUUUUU'), '[^A-Za-z0-9]', '', 'g'))
$$;

-- pinyin.ts initialsOfPinyin (SYLLABLE_RE); a name without Chinese characters: its words' first letters.
CREATE FUNCTION member_initials(name text, p text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(
    CASE WHEN coalesce(name, '') !~ '[㐀-䶿一-鿿豈-﫿]' OR w !~ '^(?:ER(?![AEIOU])|(?:ZH|CH|SH|[BPMFDTNLGKHJQXRZCSYW])?(?:(?:IANG|IONG|UANG|UENG|ING|ANG|ENG|ONG|IAN|UAN|AN|EN|IN|UN)(?![AEIOU])|IAO|UAI|AI|EI|AO|OU|IA|IE|IU|UA|UO|UI|UE|A|O|E|I|U))+$'
      THEN left(w, 1)
      ELSE (SELECT string_agg(left(s[1], 1), '' ORDER BY k)
              FROM regexp_matches(w, '(?:ER(?![AEIOU])|(?:ZH|CH|SH|[BPMFDTNLGKHJQXRZCSYW])?(?:(?:IANG|IONG|UANG|UENG|ING|ANG|ENG|ONG|IAN|UAN|AN|EN|IN|UN)(?![AEIOU])|IAO|UAI|AI|EI|AO|OU|IA|IE|IU|UA|UO|UI|UE|A|O|E|I|U))', 'g') WITH ORDINALITY AS m(s, k))
    END, '' ORDER BY n), '')
  FROM regexp_split_to_table(
         upper(translate(CASE WHEN coalesce(name, '') ~ '[㐀-䶿一-鿿豈-﫿]' THEN coalesce(p, '') ELSE name END, 'üÜǖǘǚǜǕǗǙǛvV', 'UUUUUUUUUUUU')),
         '[^A-Z0-9]+') WITH ORDINALITY AS t(w, n)
  WHERE w <> ''
$$;

-- search-keys.ts phoneKey
CREATE FUNCTION member_phone_key(mobile text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT reverse(regexp_replace(coalesce(mobile, ''), '[^0-9]', '', 'g'))
$$;

-- search-keys.ts roomKey
CREATE FUNCTION member_room_key(building text, unit text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH parts AS (
    SELECT CASE WHEN m[1] ~ '^[0-9]' THEN coalesce(nullif(ltrim(m[1], '0'), ''), '0') ELSE upper(m[1]) END AS part, k
      FROM regexp_matches(normalize(coalesce(building, '') || ' ' || coalesce(unit, ''), NFKC), '[0-9]+|[A-Za-z]+', 'g') WITH ORDINALITY AS r(m, k)
  )
  SELECT coalesce((SELECT part || '-' FROM parts ORDER BY k DESC LIMIT 1)
           || coalesce((SELECT string_agg(part || '-', '' ORDER BY k) FROM parts WHERE k < (SELECT max(k) FROM parts)), ''), '')
$$;

CREATE FUNCTION members_search_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."pinyinKey" := member_pinyin_key(NEW.pinyin);
  NEW."phoneKey" := member_phone_key(NEW.mobile);
  IF TG_OP = 'INSERT' OR NEW."unitId" IS DISTINCT FROM OLD."unitId" OR NEW."roomKey" = '' THEN
    NEW."roomKey" := coalesce((SELECT member_room_key(b.name, u.number) FROM units u JOIN buildings b ON b.id = u."buildingId" WHERE u.id = NEW."unitId"), '');
  END IF;
  -- Initials the writer did not give (or a pinyin changed without them) are read from the pinyin.
  IF NEW.initials = '' OR (TG_OP = 'UPDATE' AND NEW.pinyin IS DISTINCT FROM OLD.pinyin AND NEW.initials = OLD.initials) THEN
    NEW.initials := member_initials(NEW.name, NEW.pinyin);
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER members_search_keys BEFORE INSERT OR UPDATE ON "members" FOR EACH ROW EXECUTE FUNCTION members_search_keys();

-- A renamed building or unit: its members' rooms are read again (roomKey '' makes the trigger do it).
CREATE FUNCTION members_room_keys_of_place() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'buildings' THEN
    UPDATE "members" SET "roomKey" = '' WHERE "buildingId" = NEW.id;
  ELSE
    UPDATE "members" SET "roomKey" = '' WHERE "unitId" = NEW.id;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER buildings_member_room_keys AFTER UPDATE OF name ON "buildings" FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION members_room_keys_of_place();
CREATE TRIGGER units_member_room_keys AFTER UPDATE OF number, "buildingId" ON "units" FOR EACH ROW
  WHEN (OLD.number IS DISTINCT FROM NEW.number OR OLD."buildingId" IS DISTINCT FROM NEW."buildingId") EXECUTE FUNCTION members_room_keys_of_place();

-- Existing members (the trigger computes every key; initials from the pinyin).
UPDATE "members" SET "roomKey" = '';

DROP INDEX "members_pinyin_prefix_idx";
CREATE INDEX "members_pinyin_key_prefix_idx" ON "members"("pinyinKey" varchar_pattern_ops, "projectId", "buildingId", "unitId", "id", "regionCode");
CREATE INDEX "members_initials_prefix_idx" ON "members"("initials" varchar_pattern_ops, "projectId", "buildingId", "unitId", "id", "regionCode");
CREATE INDEX "members_phone_key_prefix_idx" ON "members"("phoneKey" varchar_pattern_ops, "projectId", "buildingId", "unitId", "id", "regionCode");
CREATE INDEX "members_room_key_prefix_idx" ON "members"("roomKey" varchar_pattern_ops, "projectId", "buildingId", "unitId", "id", "regionCode");
