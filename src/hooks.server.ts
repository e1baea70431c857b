import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { DEFAULT_LOCALE, isLocale, negotiateLocale, type Locale } from '$lib/i18n';
import { SESSION_COOKIE, sessionCookieOptions, validateSessionToken } from '$lib/server/auth/session';
import { getDb, startDatabase, stopDatabase } from '$lib/server/db';
import { limitBody } from '$lib/server/limits';
import { LANGUAGE_COOKIE } from '$lib/server/locale';
import { loadActor } from '$lib/server/users/service';

export const init: ServerInit = async () => {
	await startDatabase();
	// adapter-node emits this after the HTTP server has closed: close PGlite cleanly and release its lock.
	process.once('sveltekit:shutdown' as 'exit', () => void stopDatabase());
};

/** Paths a user who must still replace a one-time password may reach. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = ['/account', '/logout', '/lang'];

const SECURITY_HEADERS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	// Not 'no-referrer': with it browsers send `Origin: null` on form posts and the CSRF check refuses them.
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
	'cross-origin-opener-policy': 'same-origin',
	'cross-origin-resource-policy': 'same-origin'
};

export const handle: Handle = async ({ event, resolve }) => {
	const db = getDb();
	event.locals.user = null;
	event.locals.session = null;
	event.locals.actor = null;

	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const { session, user } = await validateSessionToken(db, token);
		if (session) {
			event.locals.session = session;
			event.locals.user = user;
			event.locals.actor = await loadActor(db, user.id);
			event.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(event.url, session.expiresAt));
		} else {
			// Expired, revoked or forged: forget it and carry on as a visitor.
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}

	const chosen = event.cookies.get(LANGUAGE_COOKIE);
	const locale: Locale = isLocale(chosen)
		? chosen
		: (event.locals.user?.language ??
			negotiateLocale(event.request.headers.get('accept-language')) ??
			DEFAULT_LOCALE);
	event.locals.locale = locale;
	event.request = limitBody(event.request, event.route.id);

	if (
		event.locals.user?.mustChangePassword &&
		!ALLOWED_BEFORE_PASSWORD_CHANGE.some((p) => event.url.pathname.startsWith(p))
	) {
		redirect(303, '/account');
	}

	const response = await resolve(event, {
		// Read late: a page may set the language (a barometer link uses its wave's language).
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
	if (event.url.protocol === 'https:')
		response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	// Pages show data of the signed-in user: never keep them in a shared cache.
	if (event.locals.user && !response.headers.has('cache-control'))
		response.headers.set('cache-control', 'private, no-store');
	return response;
};

export const handleError: HandleServerError = ({ error, status }) => {
	if (status === 404) return { message: 'error.notFound' };
	if (status === 405) return { message: 'error.methodNotAllowed' };
	if (status === 413) return { message: 'error.payloadTooLarge' };
	if (status >= 400 && status < 500) return { message: 'error.badRequest' };
	const id = crypto.randomUUID();
	// The error and its stack, never the request's parameters or body.
	console.error(`[${id}]`, error);
	return { message: 'error.unexpected', id };
};
