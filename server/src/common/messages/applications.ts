import type { Lang } from '../i18n-types.js';

/** Server messages of the applications feature, in both languages. Keys start with 'applications.'. */
export const applicationsMessages = {} as const satisfies Record<string, Record<Lang, string>>;
