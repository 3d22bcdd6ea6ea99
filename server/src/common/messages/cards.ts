import type { Lang } from '../i18n-types.js';

/** Server messages of the cards feature, in both languages. Keys start with 'cards.'. */
export const cardsMessages = {} as const satisfies Record<string, Record<Lang, string>>;
