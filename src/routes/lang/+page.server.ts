import { redirect } from '@sveltejs/kit';
import { setLanguageCookie } from '$lib/server/locale';
import { isLocale } from '$lib/i18n';
import { setUserLanguage } from '$lib/server/users/service';
import { getDb } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { sameSitePath } from '$lib/server/redirect';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ request, cookies, locals, url }) => {
		const form = await readForm(request);
		if (isLocale(form.lang)) {
			setLanguageCookie(cookies, form.lang, url);
			if (locals.user) await setUserLanguage(getDb(), locals.user.id, form.lang);
		}
		redirect(303, sameSitePath(form.redirectTo, url.origin));
	}
};
