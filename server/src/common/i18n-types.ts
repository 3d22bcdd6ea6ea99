/** The two languages of the system. Chinese is the default; English when the caller asks for it. */
export type Lang = 'zh' | 'en';
