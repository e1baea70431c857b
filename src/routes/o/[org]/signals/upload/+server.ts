import { isHttpError } from '@sveltejs/kit';
import { ValidationError } from '$lib/domain/validation';
import { getDb } from '$lib/server/db';
import {
	checkImportAccess,
	importOpened,
	openUpload,
	type ImportProgress,
	type OpenedUpload
} from '$lib/server/signals/service';
import type { RequestHandler } from './$types';

/** How often progress is reported while a file streams in. */
const PROGRESS_EVERY_MS = 200;

const NDJSON = { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' };

/** What went wrong, as the last line of the answer: the problems, or the status of a refusal. */
function failureLine(e: unknown): { problems: ValidationError['problems'] } | { error: number; id?: string } {
	if (e instanceof ValidationError) return { problems: e.problems };
	if (isHttpError(e)) return { error: e.status };
	const id = crypto.randomUUID();
	console.error(`[${id}]`, e);
	return { error: 500, id };
}

/**
 * The upload as the page's script sends it: the same multipart form as the page action, answered
 * with newline-delimited JSON, one progress line at a time and the outcome last, so a large file
 * shows rows being processed while it is still arriving. A form that fails before its first file
 * (not a file form, over the size limit, cut off) is refused with its 4xx status; once the answer
 * has started, a failure is its last line.
 */
export const POST: RequestHandler = async ({ request, locals, params }) => {
	checkImportAccess(locals.actor, params.org);
	let upload: OpenedUpload;
	try {
		upload = await openUpload(locals.actor, params.org, request);
	} catch (e) {
		const line = failureLine(e);
		const status = 'problems' in line ? 400 : line.error;
		return new Response(`${JSON.stringify(line)}\n`, { status, headers: NDJSON });
	}
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
				send({ outcome: await importOpened(getDb(), locals.actor, params.org, upload, progress) });
			} catch (e) {
				send(failureLine(e));
			}
			controller.close();
		}
	});
	return new Response(body, { headers: NDJSON });
};
