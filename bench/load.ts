// Helpers for HTTP load benchmarks: a closed-loop load generator on node:http with a keep-alive
// Agent (N clients, each sending its next request when the previous answer is read), a small
// cookie-keeping client for the set-up requests, and spawning the bare baseline server.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { freePort } from '../tests/helpers/server';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A random 26-character [a-z2-7] string, the shape of a submission nonce (130 random bits). */
export function randomNonce(): string {
	const bytes = randomBytes(26);
	let nonce = '';
	for (const byte of bytes) nonce += BASE32[byte & 31];
	return nonce;
}

export interface LoadOptions {
	/** Absolute URL every request goes to. */
	url: string;
	method?: 'GET' | 'POST';
	headers?: Record<string, string>;
	/** The body of each request (called once per request, so it can differ each time). */
	body?: () => string;
	concurrency: number;
	/** Requests answered in this first period are not counted. */
	warmupMs: number;
	/** The measured period that follows the warm-up. */
	durationMs: number;
	/** The status that counts as a success; every other status or a network error is an error. */
	okStatus?: number;
}

export interface LoadResult {
	/** Successful answers completed in the measured period. */
	ok: number;
	/** Other statuses and network errors completed in the measured period. */
	errors: number;
	/** Errors during the warm-up (not part of `errors`). */
	warmupErrors: number;
	/** Every success of the whole run, warm-up included (each is one stored submission). */
	okTotal: number;
	/** Seconds of the measured period. */
	seconds: number;
	/** Successes per second in the measured period. */
	rps: number;
	/**
	 * Milliseconds from sending to the last byte of the answer, of the successes both sent and
	 * answered in the measured period (a request sent in the warm-up belongs to the warm-up).
	 */
	latenciesMs: number[];
	/** When each of those requests was sent, in milliseconds from the start of the run (warm-up included). */
	sentAtMs: number[];
	/** The slowest success among the requests sent in the warm-up (the first burst is among them). */
	warmupMaxMs: number;
	/** How often each status (or 'network') was seen in the measured period. */
	statuses: Map<string, number>;
	/** The start of a few error answers, to say what went wrong. */
	errorSamples: string[];
}

interface Answer {
	status: number;
	/** The body, only kept for answers that are not the expected status. */
	body: string;
}

function send(
	agent: http.Agent,
	url: URL,
	method: string,
	headers: Record<string, string>,
	body: string | undefined,
	okStatus: number
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const request = http.request(
			{
				agent,
				host: url.hostname,
				port: url.port,
				path: url.pathname + url.search,
				method,
				headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) }
			},
			(response) => {
				const status = response.statusCode ?? 0;
				const chunks: Buffer[] = [];
				if (status === okStatus) response.resume();
				else response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.once('error', reject);
				response.once('end', () => resolve({ status, body: Buffer.concat(chunks).toString('utf8') }));
			}
		);
		request.once('error', reject);
		request.end(body);
	});
}

/**
 * A closed loop: `concurrency` clients on one keep-alive Agent, each sending its next request as
 * soon as the previous answer is read, for warmupMs + durationMs. Counts what completes in the
 * measured period.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
	const url = new URL(options.url);
	const method = options.method ?? 'GET';
	const okStatus = options.okStatus ?? 200;
	const headers = options.headers ?? {};
	const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
	const started = performance.now();
	const measureFrom = started + options.warmupMs;
	const measureUntil = measureFrom + options.durationMs;
	const result: LoadResult = {
		ok: 0,
		errors: 0,
		warmupErrors: 0,
		okTotal: 0,
		seconds: options.durationMs / 1000,
		rps: 0,
		latenciesMs: [],
		sentAtMs: [],
		warmupMaxMs: 0,
		statuses: new Map(),
		errorSamples: []
	};
	const note = (key: string, sample: string, at: number) => {
		if (result.errorSamples.length < 5) result.errorSamples.push(`${key}: ${sample.slice(0, 300)}`);
		if (at < measureFrom) result.warmupErrors++;
		else {
			result.errors++;
			result.statuses.set(key, (result.statuses.get(key) ?? 0) + 1);
		}
	};

	const client = async () => {
		while (performance.now() < measureUntil) {
			const sent = performance.now();
			try {
				const answer = await send(agent, url, method, headers, options.body?.(), okStatus);
				const done = performance.now();
				if (done > measureUntil) break;
				if (answer.status !== okStatus) {
					note(String(answer.status), answer.body, done);
					continue;
				}
				result.okTotal++;
				if (sent < measureFrom) result.warmupMaxMs = Math.max(result.warmupMaxMs, done - sent);
				if (done < measureFrom) continue;
				result.ok++;
				if (sent >= measureFrom) {
					result.latenciesMs.push(done - sent);
					result.sentAtMs.push(sent - started);
				}
				const key = String(answer.status);
				result.statuses.set(key, (result.statuses.get(key) ?? 0) + 1);
			} catch (e) {
				const done = performance.now();
				if (done > measureUntil) break;
				note('network', String(e), done);
				// A refused connection fails at once: do not spin.
				await new Promise((r) => setTimeout(r, 10));
			}
		}
	};
	try {
		await Promise.all(Array.from({ length: options.concurrency }, client));
	} finally {
		agent.destroy();
	}
	result.rps = result.ok / result.seconds;
	return result;
}

/** A fetch-based client that keeps cookies and does not follow redirects, for set-up requests. */
export class SessionClient {
	readonly cookies = new Map<string, string>();
	constructor(readonly baseUrl: string) {}

	private remember(response: Response) {
		for (const header of response.headers.getSetCookie()) {
			const pair = header.split(';')[0]!;
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			if (value === '' || /max-age=0/i.test(header)) this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}

	private headers(extra: Record<string, string>): Record<string, string> {
		const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		return { accept: 'text/html', ...(cookie ? { cookie } : {}), ...extra };
	}

	async get(path: string): Promise<Response> {
		const response = await fetch(new URL(path, this.baseUrl), {
			headers: this.headers({}),
			redirect: 'manual'
		});
		this.remember(response);
		return response;
	}

	/** A form post as a browser without JavaScript sends it, with this site as its origin. */
	async post(path: string, fields: Record<string, string> | string): Promise<Response> {
		const response = await fetch(new URL(path, this.baseUrl), {
			method: 'POST',
			body: typeof fields === 'string' ? fields : new URLSearchParams(fields),
			headers: this.headers({
				origin: this.baseUrl,
				'content-type': 'application/x-www-form-urlencoded'
			}),
			redirect: 'manual'
		});
		this.remember(response);
		return response;
	}

	/** The body of a GET that must answer 200. */
	async page(path: string): Promise<string> {
		const response = await this.get(path);
		const html = await response.text();
		if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
		return html;
	}
}

export interface BareServer {
	url: string;
	process: ChildProcess;
	stop(): Promise<void>;
}

const BARE_SCRIPT = fileURLToPath(new URL('./bare-barometer-server.mjs', import.meta.url));

/** Spawns bench/bare-barometer-server.mjs with `env` and waits until it answers. */
export async function startBareServer(env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<BareServer> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, [BARE_SCRIPT], {
		env: { ...process.env, DATABASE_URL: '', PORT: String(port), HOST: '127.0.0.1', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
		await exited;
		clearTimeout(timer);
	};
	const started = performance.now();
	try {
		for (;;) {
			if (child.exitCode !== null)
				throw new Error(`The bare server exited with ${child.exitCode}:\n${output}`);
			if (performance.now() - started > timeoutMs)
				throw new Error(`The bare server did not answer within ${timeoutMs} ms:\n${output}`);
			try {
				if ((await fetch(url)).ok) break;
			} catch {
				/* not listening yet */
			}
			await new Promise((r) => setTimeout(r, 25));
		}
	} catch (e) {
		await stop();
		throw e;
	}
	return { url, process: child, stop };
}
