import type { Cookies } from '@sveltejs/kit';
import type { Locale } from '../i18n';

/** The cookie that remembers a visitor's language choice. */
export const LANGUAGE_COOKIE = 'kl_lang';

/** Remembers a visitor's language choice for a year, on every page. */
export function setLanguageCookie(cookies: Cookies, lang: Locale, url: URL): void {
	cookies.set(LANGUAGE_COOKIE, lang, {
		path: '/',
		maxAge: 365 * 24 * 3600,
		sameSite: 'lax',
		httpOnly: true,
		secure: url.protocol === 'https:'
	});
}
