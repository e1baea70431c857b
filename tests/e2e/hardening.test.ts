import fc from 'fast-check';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { en } from '../../src/lib/i18n/en';
import { fr } from '../../src/lib/i18n/fr';
import { nl } from '../../src/lib/i18n/nl';
import { Client, homeOrganisationOf } from '../helpers/http';
import { rawRequest } from '../helpers/raw-http';

/**
 * What reaches the server around the pages: the framework's own refusals, static files, redirect
 * targets and uploads that do not arrive whole. Every answer carries the security headers and the
 * app's message; nothing is stored; the process stays up.
 */
const HR = 'hr@zonnedael.demo';
const baseUrl = inject('baseUrl');

let hr: Client;
let org: string;

beforeAll(async () => {
	hr = new Client();
	await hr.signIn(HR);
	org = await homeOrganisationOf(hr);
});

function expectSecurityHeaders(response: Response) {
	expect(response.headers.get('x-content-type-options')).toBe('nosniff');
	expect(response.headers.get('x-frame-options')).toBe('DENY');
	expect(response.headers.get('referrer-policy')).toBe('same-origin');
	expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
}

async function expectAlive() {
	const response = await fetch(new URL('/healthz', baseUrl));
	expect(response.status).toBe(200);
}

/** The ids of the uploads the signals page lists (what an import would add to). */
async function uploadIds(): Promise<string[]> {
	const html = await (await hr.get(`/o/${org}/signals`)).text();
	return [...html.matchAll(/name="upload" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!).sort();
}

/** Sends raw bytes as one request, with exactly the headers given (a cut-off body included). */
function rawPost(path: string, headers: Record<string, string>, body: Buffer) {
	return rawRequest({
		baseUrl,
		method: 'POST',
		target: path,
		headers: { ...headers, 'content-length': String(body.length) },
		body,
		timeoutMs: 30_000
	});
}

const cookieHeader = (client: Client) => [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

describe('security headers on every answer', () => {
	it('static files, including the built assets', async () => {
		const login = await new Client().get('/login');
		const asset = /(\/_app\/immutable\/[^"]+\.js)"/.exec(await login.text())?.[1];
		expect(asset).toBeTruthy();
		for (const path of ['/favicon.svg', asset!]) {
			const response = await fetch(new URL(path, baseUrl));
			expect(response.status, path).toBe(200);
			expectSecurityHeaders(response);
		}
	});

	it('a cross-site form is refused with the app page in the visitor language, and changes nothing', async () => {
		for (const [language, catalogue] of [
			['fr', fr],
			['nl', nl],
			['en', en]
		] as const) {
			const client = new Client();
			const response = await client.post(
				'/lang',
				{ lang: 'en', redirectTo: '/' },
				{ origin: 'https://evil.example', 'accept-language': language }
			);
			expect(response.status).toBe(403);
			expectSecurityHeaders(response);
			const html = await response.text();
			expect(html).toContain(`<html lang="${language}"`);
			expect(html).toContain(catalogue['error.crossSite'].replace(/'/g, '&#39;'));
			expect(html).not.toContain('error.');
			expect(client.cookies.has('kl_lang')).toBe(false);
		}
	});

	it('error pages of unknown paths and wrong methods', async () => {
		const notFound = await new Client().get('/no/such/page', { 'accept-language': 'fr' });
		expect(notFound.status).toBe(404);
		expectSecurityHeaders(notFound);
		expect(await notFound.text()).toContain('<html lang="fr"');
		const wrongMethod = await fetch(new URL(`/o/${org}/signals/upload`, baseUrl));
		expect(wrongMethod.status).toBe(405);
		expectSecurityHeaders(wrongMethod);
	});
});

describe('the language switch sends back only to this site', () => {
	it('whatever redirectTo holds (generated), the answer is a 303 to a path of this site', async () => {
		const piece = fc.constantFrom(
			'/',
			'\\',
			'\t',
			'\n',
			'\r',
			'\r\n',
			' ',
			'.',
			'@',
			':',
			'%0d%0a',
			'evil.example',
			'o'
		);
		await fc.assert(
			fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 6 }), async (pieces) => {
				const redirectTo = `/${pieces.join('')}`;
				const response = await new Client().post('/lang', { lang: 'fr', redirectTo });
				expect(response.status).toBe(303);
				expectSecurityHeaders(response);
				const location = response.headers.get('location')!;
				expect(new URL(location, baseUrl).origin, JSON.stringify(redirectTo)).toBe(new URL(baseUrl).origin);
				expect(location.startsWith('//')).toBe(false);
			}),
			{ numRuns: 60 }
		);
	});
});

describe('uploads that do not arrive whole', () => {
	const boundary = 'knipperlichtboundary';
	const csvPart = (filename: string) =>
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
				`Content-Type: text/csv\r\n\r\nunit_code;month;planned_days\r\nKEUKEN;2026-01;100\r\n`
		);
	const bodies: Array<[string, string, Buffer]> = [
		['cut off before the closing boundary', `multipart/form-data; boundary=${boundary}`, csvPart('a.csv')],
		[
			'cut off inside the part headers',
			`multipart/form-data; boundary=${boundary}`,
			csvPart('a.csv').subarray(0, 40)
		],
		['another boundary than announced', 'multipart/form-data; boundary=somethingelse', csvPart('a.csv')],
		['no boundary at all', 'multipart/form-data', csvPart('a.csv')],
		[
			'random bytes',
			`multipart/form-data; boundary=${boundary}`,
			Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 73) % 256))
		],
		[
			'a 5,000-character file name, cut off',
			`multipart/form-data; boundary=${boundary}`,
			csvPart(`${'x'.repeat(5000)}.csv`)
		]
	];

	for (const [label, type, body] of bodies) {
		it(`${label}: refused with a message by the page and by the endpoint; nothing stored`, async () => {
			const before = await uploadIds();
			const headers = {
				'content-type': type,
				origin: baseUrl,
				cookie: cookieHeader(hr),
				accept: 'text/html',
				'accept-language': 'nl'
			};
			const page = await rawPost(`/o/${org}/signals?/upload`, headers, body);
			expect(page.status, page.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
			expect(page.status).toBeLessThan(500);
			expect(page.headers.get('x-content-type-options')).toBe('nosniff');
			expect(page.text).not.toContain('error.unexpected');

			const endpoint = await rawPost(`/o/${org}/signals/upload`, headers, body);
			const lines = endpoint.text
				.trim()
				.split('\n')
				.map((l) => JSON.parse(l) as Record<string, unknown>);
			const last = lines.at(-1)!;
			// Refused before the answer started (a 4xx), or, once it had started, a last line with the problems.
			if (endpoint.status !== 200) expect(endpoint.status).toBeLessThan(500);
			expect(endpoint.status).not.toBe(500);
			expect(last.error, endpoint.text).toBeUndefined();
			expect(last.problems ?? last.outcome, endpoint.text).toBeTruthy();

			await expectAlive();
			expect(await uploadIds()).toEqual(before);
		});
	}

	it('a cut-off body names what happened, in the user language', async () => {
		const response = await rawPost(
			`/o/${org}/signals/upload`,
			{
				'content-type': `multipart/form-data; boundary=${boundary}`,
				origin: baseUrl,
				cookie: cookieHeader(hr)
			},
			csvPart('a.csv')
		);
		expect(response.text).toContain('signals.uploadBroken');
		expect(nl['signals.uploadBroken']).toBeTruthy();
	});
});
