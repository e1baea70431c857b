import { page } from '$app/state';
import { DEFAULT_LOCALE, isLocale, translate, type Locale, type MessageKey, type Params } from './index';

/** The language of the page being shown, from the root layout's data. */
export function currentLocale(): Locale {
	const locale = page.data?.locale;
	return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/** Translates a key in the current page's language; reactive when the language changes. */
export function t(key: MessageKey, params?: Params): string {
	return translate(currentLocale(), key, params);
}
