/**
 * A server enum's values as a list for a select, in display order. The list is written here (no
 * server code reaches the bundle) but checked against the server's type: a value missing, extra
 * or misspelt fails the typecheck.
 *   const SEXES = allOf<Sex>()(['MALE', 'FEMALE']);
 */
export const allOf =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : { missing: Exclude<T, L[number]> })): readonly T[] =>
    list;
