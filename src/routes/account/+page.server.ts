import { redirect } from '@sveltejs/kit';
import { MIN_PASSWORD_LENGTH } from '$lib/domain/accounts';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/session';
import { changePassword } from '$lib/server/auth/service';
import { getDb } from '$lib/server/db';
import { formAction, readForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (!locals.user) redirect(303, '/login');
	return {
		email: locals.user.email,
		mustChangePassword: locals.user.mustChangePassword,
		changed: url.searchParams.has('changed'),
		minLength: MIN_PASSWORD_LENGTH
	};
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url }) => {
		if (!locals.user) redirect(303, '/login');
		const form = await readForm(request);
		const userId = locals.user.id;
		// Passwords are never sent back to the form.
		const result = await formAction({}, () =>
			changePassword(getDb(), userId, {
				currentPassword: form.currentPassword,
				newPassword: form.newPassword,
				confirmation: form.confirmation
			})
		);
		if ('token' in result) {
			cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(url, result.session.expiresAt));
			redirect(303, '/account?changed');
		}
		return result;
	}
};
