import type { Lang } from '../i18n-types.js';

/** Server messages of the records feature, in both languages. Keys start with 'records.'. */
export const recordsMessages = {} as const satisfies Record<string, Record<Lang, string>>;
