import net from 'node:net';

/**
 * HTTP/1.1 written by hand on a connection of its own: any request can be sent (broken escapes
 * and `..` reach the server unnormalised, bodies can be cut off), and an answer counts as soon as
 * it is complete, even when the server stopped reading the body early.
 */
export interface Answer {
	status: number;
	headers: Headers;
	text: string;
}

/** The body of a chunked HTTP/1.1 answer, or null while its last chunk has not arrived. */
function dechunk(data: Buffer): Buffer | null {
	const parts: Buffer[] = [];
	let at = 0;
	for (;;) {
		const eol = data.indexOf('\r\n', at);
		if (eol < 0) return null;
		const size = parseInt(data.subarray(at, eol).toString('latin1'), 16);
		if (Number.isNaN(size)) throw new Error('A broken chunked answer');
		if (size === 0) return Buffer.concat(parts);
		if (data.length < eol + 2 + size + 2) return null;
		parts.push(data.subarray(eol + 2, eol + 2 + size));
		at = eol + 2 + size + 2;
	}
}

/** The answer in `data` once it is complete; null while more is to come. */
function parseAnswer(data: Buffer, closed: boolean): Answer | null {
	const end = data.indexOf('\r\n\r\n');
	if (end < 0) return null;
	const status = /^HTTP\/1\.[01] (\d{3})/.exec(data.subarray(0, 20).toString('latin1'));
	if (!status) throw new Error(`Not an HTTP answer: ${data.subarray(0, 40).toString('latin1')}`);
	const headers = new Headers();
	for (const line of data.subarray(0, end).toString('latin1').split('\r\n').slice(1)) {
		const colon = line.indexOf(':');
		if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
	}
	const raw = data.subarray(end + 4);
	let body: Buffer | null;
	if (/chunked/i.test(headers.get('transfer-encoding') ?? '')) body = dechunk(raw);
	else if (headers.has('content-length')) {
		const length = Number(headers.get('content-length'));
		body = raw.length >= length ? raw.subarray(0, length) : null;
	} else body = closed ? raw : null;
	if (!body) return null;
	return { status: Number(status[1]), headers, text: body.toString('utf8') };
}

export interface RawRequest {
	baseUrl: string;
	method: string;
	/** Path and query exactly as they go into the request line. */
	target: string;
	headers: Record<string, string>;
	body?: Uint8Array;
	/** Send only this many bytes of the body (all announced), then stop sending. */
	cutAt?: number;
	timeoutMs: number;
}

/** The answer; fails when the connection closes before a complete answer arrived. */
export function rawRequest(request: RawRequest): Promise<Answer> {
	const url = new URL(request.baseUrl);
	const headers = { host: url.host, ...request.headers };
	const head = `${request.method} ${request.target} HTTP/1.1\r\n${Object.entries(headers)
		.map(([k, v]) => `${k}: ${v}\r\n`)
		.join('')}\r\n`;
	return new Promise<Answer>((resolve, reject) => {
		const socket = net.connect(Number(url.port), url.hostname);
		let data = Buffer.alloc(0);
		let failure: Error | null = null;
		let settled = false;
		const settle = (closed: boolean) => {
			if (settled) return;
			try {
				const answer = parseAnswer(data, closed);
				if (answer) {
					settled = true;
					socket.destroy();
					resolve(answer);
				} else if (closed) {
					settled = true;
					const how = failure ? ((failure as NodeJS.ErrnoException).code ?? failure.message) : 'closed';
					reject(new Error(`no answer (connection ${how} after ${data.length} bytes)`));
				}
			} catch (e) {
				settled = true;
				socket.destroy();
				reject(e as Error);
			}
		};
		socket.setTimeout(request.timeoutMs, () =>
			socket.destroy(new Error(`no answer within ${request.timeoutMs / 1000} s`))
		);
		socket.on('data', (chunk: Buffer) => {
			data = Buffer.concat([data, chunk]);
			settle(false);
		});
		socket.on('error', (e) => (failure ??= e));
		socket.on('close', () => settle(true));
		socket.write(head);
		if (request.body && request.cutAt !== undefined) socket.end(request.body.subarray(0, request.cutAt));
		else if (request.body) socket.write(request.body);
	});
}
