import { inject } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/demo';

/** A minimal browser-like HTTP client with a cookie jar, for requests that need no rendering. */
export class Client {
	readonly cookies = new Map<string, string>();
	constructor(readonly baseUrl: string = inject('baseUrl')) {}

	private remember(response: Response) {
		for (const header of response.headers.getSetCookie()) {
			const [pair, ...attributes] = header.split(';');
			const eq = pair!.indexOf('=');
			const name = pair!.slice(0, eq).trim();
			const value = pair!.slice(eq + 1).trim();
			const expired = attributes.some(
				(a) => /max-age=0/i.test(a) || (/expires=/i.test(a) && new Date(a.split('=')[1]!) < new Date())
			);
			if (expired || value === '') this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}

	private headers(extra: Record<string, string> = {}): Record<string, string> {
		const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		return { accept: 'text/html', ...(cookie ? { cookie } : {}), ...extra };
	}

	async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
		const response = await fetch(new URL(path, this.baseUrl), {
			headers: this.headers(headers),
			redirect: 'manual'
		});
		this.remember(response);
		return response;
	}

	/** A form post as a browser without JavaScript sends it (same Origin unless told otherwise). */
	async post(
		path: string,
		fields: Record<string, string> | FormData | string,
		headers: Record<string, string> = {}
	): Promise<Response> {
		const body =
			typeof fields === 'string' || fields instanceof FormData ? fields : new URLSearchParams(fields);
		const response = await fetch(new URL(path, this.baseUrl), {
			method: 'POST',
			body,
			headers: this.headers({
				origin: this.baseUrl,
				...(typeof fields === 'string' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
				...headers
			}),
			redirect: 'manual'
		});
		this.remember(response);
		return response;
	}

	async signIn(email: string, password = DEMO_PASSWORD): Promise<Response> {
		const response = await this.post('/login', { email, password });
		if (response.status !== 303) throw new Error(`Sign-in of ${email} answered ${response.status}`);
		return response;
	}
}

/** The organisation id a demo account lands on after signing in. */
export async function homeOrganisationOf(client: Client): Promise<string> {
	const response = await client.get('/');
	const location = response.headers.get('location') ?? '';
	const match = /\/o\/([0-9a-f-]{36})/.exec(location);
	if (!match) throw new Error(`No organisation in ${location}`);
	return match[1]!;
}

/** Unit ids by code, read from the admin's unit template export. */
export async function unitIdsByCode(admin: Client, organisationId: string): Promise<Map<string, string>> {
	const html = await (await admin.get(`/o/${organisationId}/admin/units`)).text();
	const ids = new Map<string, string>();
	for (const m of html.matchAll(/id:"([0-9a-f-]{36})",code:"([^"]+)"/g)) ids.set(m[2]!, m[1]!);
	return ids;
}
