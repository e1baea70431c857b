import { error } from '@sveltejs/kit';

/**
 * How large a request body may be, per route. The adapter's own limit (BODY_SIZE_LIMIT) is set
 * high by `npm start` so that HR files of a million rows can stream in; every other route keeps
 * the small limit here, checked on Content-Length before anything reads the body.
 */
export const DEFAULT_BODY_LIMIT = 512 * 1024;

/** How much of a refused body is read and thrown away before the connection is given up. */
const DRAIN_LIMIT = 16 * 1024 * 1024;

/** Routes that accept HR files (streamed, never held in memory as a whole by the import). */
const UPLOAD_ROUTES = new Set(['/o/[org]/signals', '/o/[org]/signals/upload', '/o/[org]/signals/preview']);

export function uploadLimitBytes(): number {
	const mb = Number(process.env.KNIPPERLICHT_MAX_UPLOAD_MB ?? 200);
	return (Number.isFinite(mb) && mb > 0 ? mb : 200) * 1024 * 1024;
}

export function bodyLimitFor(routeId: string | null): number {
	return routeId && UPLOAD_ROUTES.has(routeId) ? uploadLimitBytes() : DEFAULT_BODY_LIMIT;
}

function tooLarge(): unknown {
	try {
		error(413, 'error.payloadTooLarge');
	} catch (e) {
		return e;
	}
}

/**
 * The request with its body limited as the route allows: reading more fails with a 413, as the
 * adapter's own limit does (an announced Content-Length over the limit fails at once, unread), so
 * the refusal is rendered by the page in the user's language.
 */
export function limitBody(request: Request, routeId: string | null): Request {
	if (!request.body || request.method === 'GET' || request.method === 'HEAD') return request;
	const limit = bodyLimitFor(routeId);
	const length = Number(request.headers.get('content-length'));
	if (Number.isFinite(length) && length <= limit) return request;
	const source = request.body.getReader();
	let size = 0;
	/**
	 * A refused body is still read and thrown away (up to a bound), so the answer reaches the
	 * client and the connection stays usable instead of being reset mid-upload.
	 */
	const discardRest = async () => {
		try {
			for (let drained = size; drained < DRAIN_LIMIT;) {
				const { done, value } = await source.read();
				if (done) return;
				drained += value.byteLength;
			}
			await source.cancel();
		} catch {
			/* the client went away */
		}
	};
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			if (Number.isFinite(length)) {
				controller.error(tooLarge());
				void discardRest();
			}
		},
		async pull(controller) {
			const { done, value } = await source.read();
			if (done) return controller.close();
			size += value.byteLength;
			if (size > limit) {
				controller.error(tooLarge());
				void discardRest();
				return;
			}
			controller.enqueue(value);
		},
		cancel(reason) {
			return source.cancel(reason);
		}
	});
	return new Request(request, { body, duplex: 'half' } as RequestInit);
}

/**
 * Bounds on an Excel workbook (.xlsx), a zip whose parts can inflate a thousandfold: each part is
 * inflated as a stream and refused as soon as it passes its bound, so a zip bomb costs a moment of
 * CPU and no memory. The sheet itself streams (only its rows in flight are held); the shared
 * strings are held while the sheet is read, so they have the tighter bound.
 */
export const XLSX_LIMITS: Readonly<
	Record<'entries' | 'partBytes' | 'sharedStringsBytes' | 'sheetBytes' | 'columns', number>
> = {
	/** Files in the zip. */
	entries: 10_000,
	/** The workbook, its relationships and its styles, each. */
	partBytes: 16 * 1024 * 1024,
	/** The shared strings, inflated. */
	sharedStringsBytes: 128 * 1024 * 1024,
	/** The sheet, inflated: about ten million rows of a spells file. */
	sheetBytes: 2 * 1024 * 1024 * 1024,
	/** Columns of the sheet that may hold anything (Excel allows 16,384). */
	columns: 1000
};
