import {
	redirect,
	type Handle,
	type HandleServerError,
	type RequestEvent,
	type ServerInit
} from '@sveltejs/kit';
import { DEFAULT_LOCALE, isLocale, negotiateLocale, type Locale } from '$lib/i18n';
import { SESSION_COOKIE, sessionCookieOptions, validateSessionToken } from '$lib/server/auth/session';
import { getDb, startDatabase, stopDatabase } from '$lib/server/db';
import { isDatabaseUnavailable } from '$lib/server/db/unavailable';
import { errorPage } from '$lib/server/error-page';
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

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * A form posted from another site (what a browser lets any page send without asking): refused
 * before anything reads it. The same rule as SvelteKit's own check, answered with the app's page.
 */
function isCrossSiteForm(request: Request, url: URL): boolean {
	if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method)) return false;
	const type = (request.headers.get('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
	return FORM_TYPES.includes(type) && request.headers.get('origin') !== url.origin;
}

/** The language before anyone is known: the visitor's choice, else the browser's. */
function visitorLocale(event: RequestEvent): Locale {
	const chosen = event.cookies.get(LANGUAGE_COOKIE);
	return isLocale(chosen)
		? chosen
		: (negotiateLocale(event.request.headers.get('accept-language')) ?? DEFAULT_LOCALE);
}

/**
 * SvelteKit answers with its static page (src/error.html) when even the error page cannot be
 * rendered, for example when the root layout's data cannot be read during a database outage.
 * That page is replaced by the app's own, in the user's language and with the error id.
 */
async function ownFallback(event: RequestEvent, response: Response): Promise<Response> {
	if (response.status < 400 || !response.headers.get('content-type')?.startsWith('text/html'))
		return response;
	if (response.headers.has('content-security-policy')) return response;
	const html = await response.text();
	const fallback = /data-fallback-status="(\d+)" data-fallback-message="([^"]*)"/.exec(html);
	if (!fallback) return new Response(html, response);
	const status = event.locals.unavailable ? 503 : Number(fallback[1]);
	return errorPage(event.locals.locale, status, fallback[2], event.locals.errorId);
}

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	event.locals.actor = null;
	event.locals.locale = visitorLocale(event);
	if (isCrossSiteForm(event.request, event.url))
		return errorPage(event.locals.locale, 403, 'error.crossSite');

	try {
		const db = getDb();
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
	} catch (e) {
		// The database is out of reach (or failed) before the page could start: answer here.
		const { status, message, id } = reportError(e);
		return errorPage(event.locals.locale, status, message, id);
	}

	if (!isLocale(event.cookies.get(LANGUAGE_COOKIE)) && event.locals.user?.language)
		event.locals.locale = event.locals.user.language;
	event.request = limitBody(event.request, event.route.id);

	if (
		event.locals.user?.mustChangePassword &&
		!ALLOWED_BEFORE_PASSWORD_CHANGE.some((p) => event.url.pathname.startsWith(p))
	) {
		redirect(303, '/account');
	}

	let response = await resolve(event, {
		// Read late: a page may set the language (a barometer link uses its wave's language).
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
	response = await ownFallback(event, response);
	if (event.locals.unavailable && response.status === 500) {
		response = new Response(response.body, { status: 503, headers: response.headers });
		response.headers.set('retry-after', '10');
	}
	if (event.url.protocol === 'https:')
		response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	// Pages show data of the signed-in user: never keep them in a shared cache.
	if (event.locals.user && !response.headers.has('cache-control'))
		response.headers.set('cache-control', 'private, no-store');
	return response;
};

/** Logs an unexpected error under a new id; the user sees the id, never the error. */
function reportError(error: unknown): { status: number; message: string; id: string } {
	const id = crypto.randomUUID();
	if (isDatabaseUnavailable(error)) {
		console.error(`[${id}] The database is out of reach: ${(error as Error).message ?? error}`);
		return { status: 503, message: 'error.unavailable', id };
	}
	// The error and its stack, never the request's parameters or body.
	console.error(`[${id}]`, error);
	return { status: 500, message: 'error.unexpected', id };
}

export const handleError: HandleServerError = ({ error, status, event }) => {
	if (status === 404) return { message: 'error.notFound' };
	if (status === 405) return { message: 'error.methodNotAllowed' };
	if (status === 413) return { message: 'error.payloadTooLarge' };
	if (status >= 400 && status < 500) return { message: 'error.badRequest' };
	const reported = reportError(error);
	event.locals.errorId = reported.id;
	if (reported.status === 503) event.locals.unavailable = true;
	return { message: reported.message, id: reported.id };
};
