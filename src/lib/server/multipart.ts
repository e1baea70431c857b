import busboy from 'busboy';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { ValidationError } from '../domain/validation';

export interface StreamedFile {
	field: string;
	name: string;
	stream: Readable;
}

/** What a form that did not arrive whole (cut off, a wrong boundary, not multipart at all) becomes. */
export const brokenUpload = () => new ValidationError({ file: { key: 'signals.uploadBroken' } });

/**
 * Errors raised by the parser or a file stream because the body was malformed. A reader that
 * meets one of these while reading a file gets it as it is from the stream; `uploadFailure` turns
 * it into the refusal the user sees.
 */
const malformed = new WeakSet<object>();
/** Errors given to a file stream in place of a body error that is not an Error (SvelteKit's 413). */
const standsFor = new WeakMap<object, unknown>();

/**
 * What an upload that failed while it was read means to the user: a malformed body is refused
 * with a message; a body over the size limit stays SvelteKit's 413; anything else is a fault.
 */
export function uploadFailure(e: unknown): unknown {
	if (!e || typeof e !== 'object') return e;
	if (malformed.has(e)) return brokenUpload();
	return standsFor.has(e) ? standsFor.get(e) : e;
}

/**
 * A multipart form read as a stream: the files come one after the other, each to be read before
 * the next arrives (busboy waits for it), so a file of any size never sits in memory. Text fields
 * placed before a file in the form are in `fields` by the time that file comes. An empty file
 * input (no file chosen) is skipped.
 *
 * Every error of the parser, the body and the file streams has a listener: a cut-off or malformed
 * body fails the upload being read (and `files` throws), never the process.
 */
export function streamMultipart(request: Request, limits: { fileBytes: number; files: number }) {
	const type = request.headers.get('content-type') ?? '';
	if (!type.toLowerCase().startsWith('multipart/form-data') || !request.body)
		throw new ValidationError({ file: { key: 'signals.fileMissing' } });
	const fields: Record<string, string> = {};
	let parser: busboy.Busboy;
	try {
		parser = busboy({
			headers: { 'content-type': type },
			limits: { files: limits.files, fields: 20, fieldSize: 4096, fileSize: limits.fileBytes + 1 }
		});
	} catch {
		// No boundary, or one busboy cannot use.
		throw brokenUpload();
	}
	type Item = { file: StreamedFile } | { error: unknown } | null;
	const queue: Item[] = [];
	let wake: (() => void) | null = null;
	const push = (item: Item) => {
		queue.push(item);
		wake?.();
	};
	let current: Readable | null = null;
	let failed = false;
	const fail = (e: unknown, isMalformed: boolean) => {
		if (isMalformed && e && typeof e === 'object') malformed.add(e);
		if (failed) return;
		failed = true;
		// A reader waiting for the rest of a file must hear of it too.
		if (current && !current.readableEnded && !current.destroyed) {
			const error = e instanceof Error ? e : new Error('The upload failed');
			if (error !== e) standsFor.set(error, e);
			if (isMalformed) malformed.add(error);
			current.destroy(error);
		}
		push({ error: e });
	};
	parser.on('field', (name, value) => (fields[name] = value));
	parser.on('file', (field, stream, info) => {
		stream.on('error', (e) => fail(e, true));
		if (!info.filename) {
			stream.resume();
			return;
		}
		current = stream;
		push({ file: { field, name: info.filename.slice(0, 200), stream } });
	});
	parser.on('close', () => push(null));
	parser.on('error', (e) => fail(e, true));
	const body = Readable.fromWeb(request.body as unknown as NodeWebStream<Uint8Array>);
	// The body's own errors: the client went away, or the size limit (a 413 that stays one).
	body.on('error', (e) => fail(e, false));
	body.pipe(parser);

	async function* files(): AsyncGenerator<StreamedFile> {
		try {
			for (;;) {
				while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
				const item = queue.shift()!;
				if (item === null) return;
				if ('error' in item) throw uploadFailure(item.error);
				yield item.file;
				// A file the reader refused (destroyed before its end) ends the upload: busboy would wait
				// for it forever.
				if (item.file.stream.destroyed && !item.file.stream.readableEnded) return;
				// Whatever the consumer left unread is drained, so the next part can come.
				item.file.stream.resume();
			}
		} finally {
			body.unpipe(parser);
			body.resume();
		}
	}
	return { fields, files: files() };
}
