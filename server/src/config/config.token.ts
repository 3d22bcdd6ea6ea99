/** DI token for the AppConfig of this process. */
export const CONFIG = Symbol('CONFIG');
