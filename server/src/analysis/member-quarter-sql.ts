// R-1 / M-12: the members of a quarter with their characteristics as they stood on its last day,
// read back from the member history (member_changes, written by every change since the member
// was created): for each field, the old value of its first change after that day, or, when it has
// not changed since, today's value. One INSERT … SELECT, run by the scheduled freeze and by a
// rebuild alike.
//
// Joining and leaving are read from the member's own dates, not from when they were recorded: a
// member whose leaving in May is entered in June left in May (the rebuild shows it; a frozen
// quarter keeps what it froze until rebuilt).
//
// What the history cannot give back, and so is today's value: the project and region (a member
// does not move household; a move would be a new membership), the household's card count is read
// from the cards' own issue and void dates, and members deleted since are gone from a rebuild (a
// frozen quarter keeps them).
import type { Prisma } from '../generated/prisma/client.js';
import { isoDay } from '../calendar/quarters.js';

/** The fields read "as of" the day (member_changes.field → how to cast the text back). */
const AS_OF = {
  sex: '"Sex"',
  birthDate: 'date',
  education: '"Education"',
  employmentStatus: '"EmploymentStatus"',
  businessType: 'text',
  position: 'text',
  maritalStatus: '"MaritalStatus"',
  spouseName: 'text',
  carModel: 'text',
  carPlate: 'text',
} as const;

/** `field` as it stood: from the first later change's old value when there is one. */
function asOf(field: keyof typeof AS_OF): string {
  return `(CASE WHEN h.old ? '${field}' THEN (h.old->>'${field}')::${AS_OF[field]} ELSE m."${field}" END)`;
}

/** The history's readable text of the family entries: "name（子女，男，2010-01-01）；…". */
const FAMILY_TEXT = `(CASE WHEN h.old ? 'familyMembers' THEN h.old->>'familyMembers' END)`;

/**
 * Replaces the rows of the quarter `start`..`end` (inclusive, club days) in one statement; returns
 * how many were written. Run inside a transaction that also records the run.
 */
export async function writeMemberQuarter(tx: Prisma.TransactionClient, start: Date, end: Date): Promise<number> {
  await tx.$executeRaw`DELETE FROM member_quarter_snapshots WHERE "quarterEnd" = ${isoDay(end)}::date`;
  // The cut: the first moment after the quarter's last day, in the club's time zone.
  const sql = `
    WITH cut AS (SELECT (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS at),
    first_after AS (
      SELECT DISTINCT ON (c."memberId", c.field) c."memberId", c.field, c."oldValue"
        FROM member_changes c, cut
       WHERE c."changedAt" >= cut.at
       ORDER BY c."memberId", c.field, c."changedAt", c.id
    ),
    history AS (SELECT "memberId", jsonb_object_agg(field, "oldValue") AS old FROM first_after GROUP BY "memberId"),
    as_of AS (
      SELECT m.id, m."householdId", m."regionCode", m."projectId",
             m."joinedOn" AS joined_on, m."leftOn" AS left_on, ${asOf('sex')} AS sex,
             ${asOf('birthDate')} AS birth_date, ${asOf('education')} AS education,
             ${asOf('employmentStatus')} AS employment_status, ${asOf('businessType')} AS business_type,
             ${asOf('position')} AS position, ${asOf('maritalStatus')} AS marital_status,
             ${asOf('spouseName')} AS spouse_name, ${asOf('carModel')} AS car_model, ${asOf('carPlate')} AS car_plate,
             ${FAMILY_TEXT} AS family_text, h.old ? 'familyMembers' AS family_changed,
             CASE WHEN h.old ? 'hobbyIds' THEN h.old->>'hobbyIds' END AS hobby_text, h.old ? 'hobbyIds' AS hobbies_changed,
             CASE WHEN h.old ? 'joinReasons' THEN h.old->>'joinReasons' END AS reasons_text, h.old ? 'joinReasons' AS reasons_changed,
             m."joinReasons" AS reasons_now,
             coalesce(h.old ? '_created', false) AS created_later
        FROM members m LEFT JOIN history h ON h."memberId" = m.id
    )
    INSERT INTO member_quarter_snapshots ("quarterEnd", "memberId", "regionCode", "projectId", sex, "ageYears", education,
      "employmentStatus", "businessType", position, "maritalStatus", "childrenCount", "householdSize", "cardsInHousehold",
      "hasCar", "joinReasons", "hobbyIds", "tenureYears", "memberAtEnd", "joinedInQuarter", "leftInQuarter")
    SELECT $2::date, a.id, a."regionCode", a."projectId", a.sex,
           date_part('year', age($2::date, a.birth_date))::int, a.education, a.employment_status, a.business_type, a.position,
           a.marital_status,
           CASE WHEN a.family_changed
                THEN coalesce((length(a.family_text) - length(replace(a.family_text, '（子女', ''))) / length('（子女'), 0)
                ELSE (SELECT count(*) FROM family_members f WHERE f."memberId" = a.id AND f.relation = 'CHILD') END::int,
           (1 + (a.spouse_name IS NOT NULL)::int
              + CASE WHEN a.family_changed THEN coalesce(cardinality(string_to_array(nullif(a.family_text, ''), '；')), 0)
                     ELSE (SELECT count(*) FROM family_members f WHERE f."memberId" = a.id) END)::int,
           (SELECT count(*) FROM cards c, cut
             WHERE c."householdId" = a."householdId" AND c."issuedOn" <= $2::date AND (c."voidedAt" IS NULL OR c."voidedAt" >= cut.at))::int,
           (a.car_model IS NOT NULL OR a.car_plate IS NOT NULL),
           CASE WHEN a.reasons_changed THEN coalesce(string_to_array(nullif(a.reasons_text, ''), ',')::"JoinReason"[], '{}') ELSE a.reasons_now END,
           CASE WHEN a.hobbies_changed
                THEN ARRAY(SELECT hb.id FROM hobbies hb WHERE hb."nameZh" = ANY (string_to_array(coalesce(a.hobby_text, ''), '、')) ORDER BY hb.id)
                ELSE ARRAY(SELECT mh."hobbyId" FROM member_hobbies mh WHERE mh."memberId" = a.id ORDER BY mh."hobbyId") END,
           date_part('year', age($2::date, a.joined_on))::int,
           (a.left_on IS NULL OR a.left_on > $2::date),
           a.joined_on >= $1::date,
           coalesce(a.left_on >= $1::date AND a.left_on <= $2::date, false)
      FROM as_of a
     WHERE NOT a.created_later AND a.joined_on <= $2::date AND (a.left_on IS NULL OR a.left_on >= $1::date)`;
  return tx.$executeRawUnsafe(sql, isoDay(start), isoDay(end));
}
