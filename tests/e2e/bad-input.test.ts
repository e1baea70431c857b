import { randomBytes } from 'node:crypto';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/demo';
import { fr } from '../../src/lib/i18n/fr';
import { nl } from '../../src/lib/i18n/nl';
import { Client, homeOrganisationOf } from '../helpers/http';

/**
 * What the server does with requests no honest browser sends: unknown paths, forged cookies,
 * broken or oversized bodies, cross-site posts, wrong methods. Plus the headers and cookie
 * attributes every response relies on. Plain HTTP, no browser.
 */
const ADMIN = 'beheer@zonnedael.demo';
const SESSION_COOKIE = 'kl_session';

let admin: Client;
let org: string;

beforeAll(async () => {
	admin = new Client();
	await admin.signIn(ADMIN);
	org = await homeOrganisationOf(admin);
});

/** Text as the browser shows it: the few entities Svelte writes decoded. */
function decodeHtml(html: string): string {
	return html
		.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
		.replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCharCode(parseInt(n, 16)))
		.replace(/&quot;/g, '"')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/** The Set-Cookie header of a response for one cookie, or undefined. */
function setCookieFor(response: Response, name: string): string | undefined {
	return response.headers.getSetCookie().find((c) => c.trim().startsWith(`${name}=`));
}

function deletes(setCookie: string | undefined): boolean {
	if (!setCookie) return false;
	const attributes = setCookie.split(';').map((a) => a.trim());
	const maxAge = attributes.find((a) => /^max-age=/i.test(a));
	const expires = attributes.find((a) => /^expires=/i.test(a));
	return (
		(maxAge !== undefined && Number(maxAge.split('=')[1]) <= 0) ||
		(expires !== undefined && new Date(expires.slice(expires.indexOf('=') + 1)).getTime() < Date.now())
	);
}

interface Settings {
	name: string;
	minGroupSize: string;
	sensitiveMinGroupSize: string;
	/** The options of the language select, with the selected one marked. */
	language: string;
}

/** The saved organisation settings as the settings form shows them. */
async function settings(): Promise<Settings> {
	const response = await admin.get(`/o/${org}/admin/settings`);
	expect(response.status).toBe(200);
	const html = await response.text();
	const input = (name: string) => {
		const tag = new RegExp(`<input[^>]*\\bname="${name}"[^>]*>`).exec(html)?.[0] ?? '';
		const value = /\bvalue="([^"]*)"/.exec(tag)?.[1];
		expect(value, `input ${name}`).toBeDefined();
		return decodeHtml(value!);
	};
	const select = /<select[^>]*\bname="language"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1];
	expect(select, 'language select').toBeDefined();
	return {
		name: input('name'),
		minGroupSize: input('minGroupSize'),
		sensitiveMinGroupSize: input('sensitiveMinGroupSize'),
		language: select!
	};
}

/** The fields of a settings post that would be valid and change k, if the server accepted it. */
async function wouldChangeK(): Promise<Record<string, string>> {
	const current = await settings();
	const language = /<option[^>]*value="(\w+)"[^>]*selected/.exec(current.language)?.[1] ?? 'nl';
	return {
		name: current.name,
		language,
		minGroupSize: String(Number(current.minGroupSize) + 1),
		sensitiveMinGroupSize: current.sensitiveMinGroupSize
	};
}

/** Puts the settings back if a broken server accepted a change after all, so other files are unaffected. */
async function restore(before: Settings) {
	const after = await settings();
	if (after.minGroupSize === before.minGroupSize) return;
	const language = /<option[^>]*value="(\w+)"[^>]*selected/.exec(before.language)?.[1] ?? 'nl';
	await admin.post(`/o/${org}/admin/settings`, {
		name: before.name,
		language,
		minGroupSize: before.minGroupSize,
		sensitiveMinGroupSize: before.sensitiveMinGroupSize
	});
}

describe('unknown routes', () => {
	it('are 404 with the Dutch message by default', async () => {
		const response = await new Client().get('/dit-bestaat-niet');
		expect(response.status).toBe(404);
		const html = decodeHtml(await response.text());
		expect(html).toContain(nl['error.notFound']);
		expect(html).toMatch(/<html lang="nl"/);
	});

	it('are 404 in French for a browser that asks for French', async () => {
		const response = await new Client().get('/dit-bestaat-niet', { 'accept-language': 'fr-BE,fr;q=0.9' });
		expect(response.status).toBe(404);
		const html = decodeHtml(await response.text());
		expect(html).toContain(fr['error.notFound']);
		expect(html).not.toContain(nl['error.notFound']);
		expect(html).toMatch(/<html lang="fr"/);
	});
});

describe('forged session cookies', () => {
	it.each([
		['a well-formed unknown token', 'a'.repeat(32)],
		['random garbage', `garbage-${randomBytes(24).toString('base64url')}!*()'`],
		['an overlong value', 'z'.repeat(2000)]
	])('%s sends the visitor to /login and deletes the cookie', async (_, value) => {
		const client = new Client();
		client.cookies.set(SESSION_COOKIE, value);
		const response = await client.get(`/o/${org}`);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/login');
		const cookie = setCookieFor(response, SESSION_COOKIE);
		expect(deletes(cookie), `Set-Cookie: ${cookie}`).toBe(true);
	});
});

describe('broken and oversized bodies', () => {
	it('a multipart post without a valid boundary is 400 and changes nothing', async () => {
		const before = await settings();
		try {
			const fields = new URLSearchParams(await wouldChangeK()).toString();
			for (const contentType of ['multipart/form-data', 'multipart/form-data; boundary=']) {
				const response = await admin.post(`/o/${org}/admin/settings`, fields, {
					'content-type': contentType
				});
				expect(response.status, contentType).toBe(400);
				expect(decodeHtml(await response.text())).toContain(nl['error.badRequest']);
			}
			expect(await settings()).toEqual(before);
		} finally {
			await restore(before);
		}
	});

	it('a body over 512 KB is 413 and changes nothing', async () => {
		const before = await settings();
		try {
			const fields = new URLSearchParams({ ...(await wouldChangeK()), padding: 'a'.repeat(1024 * 1024) });
			const response = await admin.post(`/o/${org}/admin/settings`, fields.toString());
			expect(response.status).toBe(413);
			expect(decodeHtml(await response.text())).toContain(nl['error.payloadTooLarge']);
			expect(await settings()).toEqual(before);
		} finally {
			await restore(before);
		}
	});
});

describe('requests the app refuses', () => {
	it('a form post from another origin is 403 and signs nobody in', async () => {
		const client = new Client();
		const response = await client.post(
			'/login',
			{ email: ADMIN, password: DEMO_PASSWORD },
			{ origin: 'http://evil.example' }
		);
		expect(response.status).toBe(403);
		expect(setCookieFor(response, SESSION_COOKIE)).toBeUndefined();
		expect(client.cookies.has(SESSION_COOKIE)).toBe(false);
	});

	it.each([
		['beyond bigint', '9223372036854775808'],
		['far beyond bigint', '9'.repeat(40)],
		['negative', '-1'],
		['with a leading zero', '012'],
		['with a plus sign', '+12'],
		['with spaces', ' 12'],
		['fractional', '1.5'],
		['not a number', 'abc'],
		['empty', '']
	])('an audit page cursor %s is 400, never a server error', async (_, before) => {
		const response = await admin.get(`/o/${org}/audit?before=${encodeURIComponent(before)}`);
		expect(response.status).toBe(400);
		expect(decodeHtml(await response.text())).toContain(nl['error.badRequest']);
	});

	it('an audit page cursor at the top of bigint is a page', async () => {
		const response = await admin.get(`/o/${org}/audit?before=9223372036854775807`);
		expect(response.status).toBe(200);
	});

	it('a post to a page without actions is 405', async () => {
		const response = await admin.post(`/o/${org}`, { anything: 'x' });
		expect(response.status).toBe(405);
		expect(decodeHtml(await response.text())).toContain(nl['error.methodNotAllowed']);
	});
});

describe('unit template CSV', () => {
	it('is UTF-8 with a BOM, semicolons, Dutch headers and no cell a spreadsheet would run', async () => {
		// A unit whose name looks like a formula, so the neutralisation has something to do.
		const s = randomBytes(4).toString('hex').toUpperCase();
		const formula = `=SUM(1+2) formule ${s}`;
		const added = await admin.post(`/o/${org}/admin/units?/add`, {
			code: `CSV-${s}`,
			name: formula,
			parentId: '',
			headcount: '3'
		});
		expect(added.status).toBe(200);

		const response = await admin.get(`/o/${org}/admin/units/template.csv`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/csv\b/);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
		const lines = text.split('\r\n').filter((l) => l !== '');
		expect(lines[0]).toBe('code;naam;bovenliggende code;aantal medewerkers');
		expect(lines.length).toBeGreaterThan(20);

		const parsed = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true });
		expect(parsed.errors).toEqual([]);
		for (const row of parsed.data) {
			for (const cell of row) expect(cell, `row ${row.join(';')}`).not.toMatch(/^[=+\-@]/);
		}
		expect(parsed.data.find((row) => row[0] === `CSV-${s}`)?.[1]).toBe(`'${formula}`);
	});
});

describe('headers and cookies', () => {
	it('/login carries the security headers', async () => {
		const response = await new Client().get('/login');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		// No referrer ever leaves the site. 'same-origin' rather than 'no-referrer': with the latter,
		// browsers send `Origin: null` on form posts and SvelteKit's CSRF check refuses every form.
		expect(response.headers.get('referrer-policy')).toBe('same-origin');
	});

	it('the session cookie set at sign-in is HttpOnly and SameSite=Lax', async () => {
		const response = await new Client().signIn(ADMIN);
		const cookie = setCookieFor(response, SESSION_COOKIE);
		expect(cookie).toBeDefined();
		const attributes = cookie!.split(';').map((a) => a.trim().toLowerCase());
		expect(attributes).toContain('httponly');
		expect(attributes).toContain('samesite=lax');
		expect(attributes).toContain('path=/');
	});

	it('signing out makes the old session cookie useless', async () => {
		const client = new Client();
		await client.signIn(ADMIN);
		const token = client.cookies.get(SESSION_COOKIE)!;
		expect(token).toBeTruthy();
		expect((await client.get(`/o/${org}`)).status).toBe(200);

		const out = await client.post('/logout', {});
		expect(out.status).toBe(303);
		expect(out.headers.get('location')).toMatch(/^\/login/);
		expect(deletes(setCookieFor(out, SESSION_COOKIE))).toBe(true);

		const replay = new Client();
		replay.cookies.set(SESSION_COOKIE, token);
		const response = await replay.get(`/o/${org}`);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/login');
		expect(deletes(setCookieFor(response, SESSION_COOKIE))).toBe(true);
	});
});
