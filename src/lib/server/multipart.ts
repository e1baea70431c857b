import busboy from 'busboy';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { ValidationError } from '../domain/validation';

export interface StreamedFile {
	field: string;
	name: string;
	stream: Readable;
}

/**
 * A multipart form read as a stream: the files come one after the other, each to be read before
 * the next arrives (busboy waits for it), so a file of any size never sits in memory. Text fields
 * placed before a file in the form are in `fields` by the time that file comes. An empty file
 * input (no file chosen) is skipped.
 */
export function streamMultipart(request: Request, limits: { fileBytes: number; files: number }) {
	const type = request.headers.get('content-type') ?? '';
	if (!type.startsWith('multipart/form-data') || !request.body)
		throw new ValidationError({ file: { key: 'signals.fileMissing' } });
	const fields: Record<string, string> = {};
	const parser = busboy({
		headers: { 'content-type': type },
		limits: { files: limits.files, fields: 20, fieldSize: 4096, fileSize: limits.fileBytes + 1 }
	});
	const queue: Array<StreamedFile | Error | null> = [];
	let wake: (() => void) | null = null;
	const push = (item: StreamedFile | Error | null) => {
		queue.push(item);
		wake?.();
	};
	parser.on('field', (name, value) => (fields[name] = value));
	parser.on('file', (field, stream, info) => {
		if (!info.filename) {
			stream.resume();
			return;
		}
		push({ field, name: info.filename.slice(0, 200), stream });
	});
	parser.on('close', () => push(null));
	parser.on('error', (e) => push(e instanceof Error ? e : new Error(String(e))));
	const body = Readable.fromWeb(request.body as unknown as NodeWebStream<Uint8Array>);
	body.on('error', (e) => push(e));
	body.pipe(parser);

	async function* files(): AsyncGenerator<StreamedFile> {
		try {
			for (;;) {
				while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
				const item = queue.shift()!;
				if (item === null) return;
				if (item instanceof Error) throw item;
				yield item;
				// A file the reader refused (destroyed before its end) ends the upload: busboy would wait
				// for it forever.
				if (item.stream.destroyed && !item.stream.readableEnded) return;
				// Whatever the consumer left unread is drained, so the next part can come.
				item.stream.resume();
			}
		} finally {
			body.unpipe(parser);
			body.resume();
		}
	}
	return { fields, files: files() };
}
