import { error } from '@sveltejs/kit';

/**
 * How large a request body may be, per route. The adapter's own limit (BODY_SIZE_LIMIT) is set
 * high by `npm start` so that HR files of a million rows can stream in; every other route keeps
 * the small limit here, checked on Content-Length before anything reads the body.
 */
export const DEFAULT_BODY_LIMIT = 512 * 1024;

/** Routes that accept HR files (streamed, never held in memory as a whole by the import). */
const UPLOAD_ROUTES = new Set(['/o/[org]/signals', '/o/[org]/signals/upload']);

export function uploadLimitBytes(): number {
	const mb = Number(process.env.KNIPPERLICHT_MAX_UPLOAD_MB ?? 200);
	return (Number.isFinite(mb) && mb > 0 ? mb : 200) * 1024 * 1024;
}

export function bodyLimitFor(routeId: string | null): number {
	return routeId && UPLOAD_ROUTES.has(routeId) ? uploadLimitBytes() : DEFAULT_BODY_LIMIT;
}

/** Refuses (413) a body announced larger than the route accepts, or one of unknown length outside uploads. */
export function checkBodySize(request: Request, routeId: string | null): void {
	if (request.method === 'GET' || request.method === 'HEAD') return;
	const limit = bodyLimitFor(routeId);
	const length = request.headers.get('content-length');
	if (length === null) {
		if (request.body && limit === DEFAULT_BODY_LIMIT) error(413, 'error.payloadTooLarge');
		return;
	}
	if (Number(length) > limit) error(413, 'error.payloadTooLarge');
}
