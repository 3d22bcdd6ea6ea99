// What the members search finds besides names and pinyin: a mobile (whole, or its last digits),
// a room ("3-1-502", "3栋1单元502", "502") and a card number. The stored keys (members.phoneKey,
// members.roomKey) are computed by the database on every write of a member (trigger
// members_search_keys, prisma/migrations/20261202140000_member_search); these functions are the
// same rules on the query side, and the tests hold the two together.

/** The mobile's digits, last digit first: its last four (or more) digits start this key. */
export function phoneKey(mobile: string | null | undefined): string {
  return [...(mobile ?? '').replace(/\D/g, '')].reverse().join('');
}

/** Letters and numbers of a place ("3栋1单元", "502室" → 3, 1, 502), numbers without leading zeros. */
function placeParts(text: string): string[] {
  return (text.normalize('NFKC').match(/[0-9]+|[A-Za-z]+/g) ?? []).map((p) => (/^\d/.test(p) ? p.replace(/^0+(?=\d)/, '') : p.toUpperCase()));
}

/**
 * A unit as a search key: the room first, then the building's parts in order, each ended by "-"
 * ("3栋" + "502" → "502-3-", "3栋1单元" + "502" → "502-3-1-"). The unit label (member.mapper
 * unitLabel: building name, room number, 室) is what staff read and type back, so a room alone
 * ("502-") or with its building ("502-3-") starts the key.
 */
export function roomKey(buildingName: string, unitNumber: string): string {
  const parts = [...placeParts(buildingName), ...placeParts(unitNumber)];
  if (!parts.length) return '';
  return `${[parts[parts.length - 1], ...parts.slice(0, -1)].join('-')}-`;
}

/** What a room typed as staff read it ("3-1-502", "3栋502室", "502") starts, or null. */
export function roomQueryKey(q: string): string | null {
  const parts = placeParts(q);
  if (!parts.length || !/^\d/.test(parts[parts.length - 1])) return null;
  return `${[parts[parts.length - 1], ...parts.slice(0, -1)].join('-')}-`;
}

/**
 * Digits typed as a phone ("13812345678", "138 1234 5678", "5678"): the start of phoneKey, or
 * null. A caller who sees phones masked (138****5678) may search by the four digits they see, or
 * by a whole number; a part of the hidden digits would let them read those digits one by one.
 */
export function phoneQueryKey(q: string, phonesVisible: boolean): string | null {
  const text = q.normalize('NFKC').trim();
  if (!/^\+?[\d\s-]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  const plain = /^\d+$/.test(text);
  if (digits.length >= 11 || (plain && digits.length === 4) || (plain && phonesVisible && digits.length > 4)) return phoneKey(digits);
  return null;
}

/** Text that may be a card number ("NJ001-00012"): upper case, without spaces; or null. */
export function cardQueryNumber(q: string): string | null {
  const text = q.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return /^[A-Z0-9-]{3,30}$/.test(text) && /\d/.test(text) ? text : null;
}
