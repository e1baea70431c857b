import { fail, redirect } from '@sveltejs/kit';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/session';
import { signIn } from '$lib/server/auth/service';
import { getDb } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, '/');
	return { signedOut: url.searchParams.has('signedOut') };
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url }) => {
		const form = await readForm(request);
		const result = await signIn(getDb(), form.email, form.password, getClientAddress());
		if (!result.ok) {
			return fail(result.reason === 'throttled' ? 429 : 400, {
				email: form.email ?? '',
				problem: result.reason === 'throttled' ? 'login.throttled' : 'login.invalid'
			});
		}
		cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(url, result.session.expiresAt));
		redirect(303, result.mustChangePassword ? '/account' : '/');
	}
};
