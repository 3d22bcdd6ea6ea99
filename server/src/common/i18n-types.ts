/** The two languages of the system. Chinese is the default; English when the caller asks for it. */
export type Lang = 'zh' | 'en';

/**
 * A message parameter: plain text or a number, another message by its key (a status name, say) or
 * a text in both languages. Whatever needs translating is translated when the message is rendered,
 * in the caller's language, so services never need to know it.
 */
export type MessageParam = string | number | { key: string } | Record<Lang, string>;
export type MessageParams = Record<string, MessageParam>;
