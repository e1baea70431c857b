/** The cookie that remembers a visitor's language choice. */
export const LANGUAGE_COOKIE = 'kl_lang';
