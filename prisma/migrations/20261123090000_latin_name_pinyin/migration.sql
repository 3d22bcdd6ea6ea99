-- The pinyin made from a name written in Latin letters split off its first letter ("John Smith"
-- became "J OHN SMITH"), so searching "john" found nobody. Such names are their own spelling
-- now (server/src/members/pinyin.ts); this repairs the pinyin the old converter made. Only values
-- exactly as the old converter wrote them change: a pinyin staff typed themselves is kept.
UPDATE "members"
SET "pinyin" = upper(regexp_replace(btrim("name"), '\s+', ' ', 'g'))
WHERE "name" !~ '[^\x01-\x7F]'
  AND length("name") > 1
  AND "pinyin" = upper(left("name", 1)) || ' ' || upper(substr("name", 2));
