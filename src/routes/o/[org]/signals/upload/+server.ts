import { ValidationError } from '$lib/domain/validation';
import { getDb } from '$lib/server/db';
import { checkImportAccess, importFromRequest, type ImportProgress } from '$lib/server/signals/service';
import type { RequestHandler } from './$types';

/** How often progress is reported while a file streams in. */
const PROGRESS_EVERY_MS = 200;

/**
 * The upload as the page's script sends it: the same multipart form as the page action, answered
 * with newline-delimited JSON, one progress line at a time and the outcome last, so a large file
 * shows rows being processed while it is still arriving.
 */
export const POST: RequestHandler = async ({ request, locals, params }) => {
	checkImportAccess(locals.actor, params.org);
	const encoder = new TextEncoder();
	let last = 0;
	const body = new ReadableStream<Uint8Array>({
		async start(controller) {
			const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
			const progress = (p: ImportProgress) => {
				const now = Date.now();
				if (p.phase === 'reading' && now - last < PROGRESS_EVERY_MS) return;
				last = now;
				send({ progress: p });
			};
			try {
				send({ outcome: await importFromRequest(getDb(), locals.actor, params.org, request, progress) });
			} catch (e) {
				if (e instanceof ValidationError) send({ problems: e.problems });
				else if (e && typeof e === 'object' && 'status' in e)
					send({ error: (e as { status: number }).status });
				else {
					console.error(e);
					send({ error: 500 });
				}
			}
			controller.close();
		}
	});
	return new Response(body, {
		headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' }
	});
};
