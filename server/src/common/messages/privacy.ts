import type { Lang } from '../i18n-types.js';

/** Server messages of the privacy feature, in both languages. Keys start with 'privacy.'. */
export const privacyMessages = {} as const satisfies Record<string, Record<Lang, string>>;
