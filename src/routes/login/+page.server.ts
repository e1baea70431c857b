import { fail, redirect } from '@sveltejs/kit';
import { DEVICE_COOKIE, deviceCookieOptions } from '$lib/server/auth/device-cookie';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/session';
import { signIn } from '$lib/server/auth/service';
import type { MessageKey } from '$lib/i18n';
import { getDb } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, '/');
	return { signedOut: url.searchParams.has('signedOut') };
};

// An untrusted browser refused for the account is told the way out: a browser used before.
const THROTTLED_PROBLEM = {
	account: 'login.throttledAccount',
	address: 'login.throttled',
	device: 'login.throttled'
} as const;

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url }) => {
		const form = await readForm(request);
		const result = await signIn(getDb(), form.email, form.password, getClientAddress(), {
			deviceCookie: cookies.get(DEVICE_COOKIE),
			sessionToken: cookies.get(SESSION_COOKIE)
		});
		if (!result.ok) {
			const throttled = result.reason === 'throttled';
			const problem: MessageKey = throttled ? THROTTLED_PROBLEM[result.scope] : 'login.invalid';
			return fail(throttled ? 429 : 400, {
				email: form.email ?? '',
				problem,
				params: { minutes: throttled ? result.retryAfterMinutes : 0 }
			});
		}
		cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(url, result.session.expiresAt));
		cookies.set(DEVICE_COOKIE, result.deviceCookie, deviceCookieOptions(url));
		redirect(303, result.mustChangePassword ? '/account' : '/');
	}
};
