import fc from 'fast-check';
import ts from 'typescript';
import { signalsTemplate } from '../../src/lib/domain/signals/formats';
import { can, type Action } from '../../src/lib/server/access';
import { DEFAULT_BODY_LIMIT, bodyLimitFor } from '../../src/lib/server/limits';
import { routeAccess, type RouteAccess } from '../../src/lib/server/route-access';
import { endpointKey, type Endpoint } from './route-tree';

/**
 * What the HTTP fuzz (tests/helpers/fuzz.ts) sends: one target per endpoint of the route tree, with
 * who may send to it, and fast-check arbitraries of requests no honest browser sends.
 */
/** The form action that accepts any form and only redirects: the language switch. */
export const ANY_FORM_IS_VALID = new Set(['/lang action:default']);
/** The endpoint that streams its answer as newline-delimited JSON. */
export const NDJSON_UPLOAD = '/o/[org]/signals/upload POST';
/**
 * The endpoint that reads the head of a file and stores nothing (the workbook preview): any file it
 * can read has a preview, so a generated file may be answered 200 with one.
 */
export const FILE_PREVIEW = '/o/[org]/signals/preview POST';
/** The largest HR file the fuzz server accepts (KNIPPERLICHT_MAX_UPLOAD_MB), so going over it is cheap. */
export const UPLOAD_LIMIT_MB = 1;
export const FOREIGN_ORIGIN = 'http://evil.example';
export const FORM_TYPES = new Set([
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/x-sveltekit-formdata'
]);

export type Who = 'anonymous' | 'admin' | 'advisor' | 'hr' | 'manager';
export const ROLES: Exclude<Who, 'anonymous'>[] = ['admin', 'advisor', 'hr', 'manager'];

export interface Target {
	endpoint: Endpoint;
	key: string;
	rule: RouteAccess;
	method: 'GET' | 'POST';
	/** `?/name` of a named form action, or ''. */
	actionQuery: string;
	/** Who sends the requests: a role that may use the endpoint, and a visitor without a session. */
	who: Who[];
	/** Query parameters the handler reads, from its parsed body. */
	queryNames: string[];
	/** Form fields the handler reads itself, from its parsed body. */
	fieldNames: string[];
}

/** Names read as `x.get('name')`/`x.has('name')` on searchParams, and as `form.name`/`fields.name`. */
function namesReadBy(handler: ts.Node): { query: string[]; fields: string[] } {
	const query = new Set<string>();
	const fields = new Set<string>();
	const visit = (n: ts.Node) => {
		if (
			ts.isCallExpression(n) &&
			ts.isPropertyAccessExpression(n.expression) &&
			['get', 'has', 'getAll'].includes(n.expression.name.text) &&
			n.expression.expression.getText().endsWith('searchParams') &&
			n.arguments[0] &&
			ts.isStringLiteralLike(n.arguments[0])
		)
			query.add(n.arguments[0].text);
		if (
			ts.isPropertyAccessExpression(n) &&
			ts.isIdentifier(n.expression) &&
			['form', 'fields'].includes(n.expression.text)
		)
			fields.add(n.name.text);
		ts.forEachChild(n, visit);
	};
	visit(handler);
	return { query: [...query], fields: [...fields] };
}

function rolesAllowed(action: Action): Exclude<Who, 'anonymous'>[] {
	const organisationId = 'o';
	return ROLES.filter((role) =>
		can({ userId: 'u', memberships: [{ organisationId, role, unitId: null }] }, action, { organisationId })
	);
}

/** The fuzz targets of a route tree; endpoints without a declared rule are an error (see access-routes.test.ts). */
export function fuzzTargets(tree: Endpoint[]): Target[] {
	return tree.flatMap((endpoint): Target[] => {
		const key = endpointKey(endpoint);
		const rule = routeAccess(endpoint.routeId, endpoint.kind);
		if (rule === undefined) throw new Error(`${key} has no declared access`);
		const kind = endpoint.kind;
		let method: 'GET' | 'POST';
		if (kind === 'load' || kind === 'layout-load' || kind === 'GET') method = 'GET';
		else if (kind === 'POST' || kind.startsWith('action:')) method = 'POST';
		else throw new Error(`${key}: the fuzz sends GET and POST only; teach it ${kind}`);
		const action = kind.startsWith('action:') ? kind.slice('action:'.length) : '';
		let who: Who[];
		if (typeof rule === 'object') who = ['anonymous'];
		else if (rule === 'signed-in') who = ['admin', 'anonymous'];
		else {
			const allowed = rolesAllowed(rule);
			// A manager is narrowed to a subtree; another role that may reaches more.
			const pick = allowed.find((r) => r !== 'manager') ?? allowed[0];
			if (!pick) throw new Error(`${key}: no demo role may ${rule}`);
			who = [pick, 'anonymous'];
		}
		const names = namesReadBy(endpoint.handler);
		return [
			{
				endpoint,
				key,
				rule,
				method,
				actionQuery: action && action !== 'default' ? `?/${action}` : '',
				who,
				queryNames: names.query,
				fieldNames: names.fields
			}
		];
	});
}

// ---------------------------------------------------------------------------------------------
// Generated requests

export interface Body {
	label: string;
	contentType: string | null;
	bytes: Uint8Array;
	/** The client announces all bytes but sends only this many, then stops sending. */
	cutAt?: number;
}

export interface FuzzCase {
	who: Who;
	/** Path parameters, already as they go into the URL. */
	params: Record<string, string>;
	query: string;
	body: Body | null;
	foreignOrigin: boolean;
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: (string | Uint8Array)[]) => {
	const chunks = parts.map((p) => (typeof p === 'string' ? utf8(p) : p));
	const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out;
};

/** A path parameter: the real id (so deeper checks are reached), or something no id ever is. */
function paramArbitrary(real: string | undefined, avoidReal: boolean): fc.Arbitrary<string> {
	const wrong: fc.Arbitrary<string>[] = [
		fc.uuid(),
		fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
		fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
		fc.integer({ min: 1000, max: 6000 }).map((n) => 'a'.repeat(n)),
		fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map(encodeURIComponent),
		fc.constantFrom(
			'..%2f..%2fetc%2fpasswd',
			'..%2F',
			'%2e%2e%2f',
			'..',
			'%00',
			'%zz',
			'%c3%28',
			'%ff%fe',
			'%e2%80%ae',
			'1%27%20or%20%271%27%3D%271',
			'-1',
			'9999999999999999999999',
			'NaN'
		)
	];
	if (real && !avoidReal) return fc.oneof({ weight: 4, arbitrary: fc.constant(real) }, ...wrong);
	return fc.oneof(...wrong);
}

/** Characters a request line cannot carry are escaped; broken escapes such as `%zz` stay as they are. */
const requestTargetSafe = (s: string) => s.replace(/[^\x21-\x7e]/gu, (ch) => encodeURIComponent(ch));

/** A value no field accepts: broken escapes, control characters, unicode, huge, or numbers out of range. */
const nonsenseValue: fc.Arbitrary<string> = fc.oneof(
	fc.constantFrom(
		'%',
		'%zz',
		'%c3%28',
		'%ff',
		'%00',
		'%%%',
		'-1',
		'1e309',
		'NaN',
		'\r\n',
		'<script>',
		'🙂'.repeat(3)
	),
	// Paths that would split a header or leave the site if a redirect took them as they are.
	fc.constantFrom(
		'/o\r\nSet-Cookie: kl_session=x',
		'/%0d%0aLocation:%20http://evil.example',
		'/\t/evil.example',
		'/%09/evil.example',
		'%2Fo%0D%0AX-Injected%3A%201',
		'//evil.example/',
		'/\\evil.example',
		'http://evil.example/',
		'javascript:alert(1)'
	),
	fc.string({ maxLength: 30 }),
	fc.string({ unit: 'grapheme', maxLength: 30 }).map(encodeURIComponent),
	fc.integer({ min: 10_000, max: 300_000 }).map((n) => 'x'.repeat(n))
);

function multipart(
	boundary: string,
	parts: { name: string; filename?: string; content: Uint8Array }[],
	close = true
) {
	const chunks: (string | Uint8Array)[] = [];
	for (const p of parts) {
		chunks.push(
			`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"` +
				(p.filename !== undefined ? `; filename="${p.filename}"\r\nContent-Type: text/csv` : '') +
				'\r\n\r\n',
			p.content,
			'\r\n'
		);
	}
	if (close) chunks.push(`--${boundary}--\r\n`);
	return concat(...chunks);
}

/** A monthly signals file in the template's shape, `rows` rows long (its units need not exist). */
function signalsCsv(rows: number): Uint8Array {
	const { header, rows: examples } = signalsTemplate('monthly', 'nl');
	const lines = [header.join(';')];
	for (let i = 0; i < rows; i++) lines.push(examples[i % examples.length]!.join(';'));
	return utf8(`${lines.join('\n')}\n`);
}

const bytesArb = (max: number) => fc.uint8Array({ minLength: 1, maxLength: max });

/** Bodies for a POST; `bodyLimit` is the route's limit, exceeded by the oversized kinds. */
function bodyArbitrary(fieldNames: string[], bodyLimit: number): fc.Arbitrary<Body> {
	// Mostly the fields the handler reads itself, so the nonsense reaches its code.
	const names = fc.oneof(
		...(fieldNames.length ? [{ weight: 3, arbitrary: fc.constantFrom(...fieldNames) }] : []),
		fc.constantFrom('file', 'code', 'unitId', 'userId', 'upload', 'count', 'map:X', '__proto__'),
		fc.string({ maxLength: 12 })
	);
	const pairs = fc.array(fc.tuple(names, nonsenseValue), { minLength: 1, maxLength: 6 });
	const form = 'application/x-www-form-urlencoded';
	const boundary = fc.stringMatching(/^[A-Za-z0-9]{8,30}$/);
	const file = bytesArb(2000);
	return fc.oneof(
		pairs.map((ps) => ({
			label: 'urlencoded with nonsense values and broken escapes',
			contentType: form,
			bytes: utf8(ps.map(([k, v]) => `${k}=${v}`).join('&'))
		})),
		fc.tuple(bytesArb(200), names).map(([bad, k]) => ({
			label: 'urlencoded with invalid UTF-8',
			contentType: form,
			bytes: concat(`${encodeURIComponent(k)}=`, bad, new Uint8Array([0xff, 0xfe, 0xc3, 0x28]))
		})),
		fc.tuple(names, fc.string({ maxLength: 200 }), fc.integer({ min: 2, max: 2000 })).map(([k, v, n]) => ({
			label: 'urlencoded with one key repeated',
			contentType: form,
			bytes: utf8(
				Array.from({ length: n }, () => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
			)
		})),
		fc
			.tuple(
				pairs,
				fc.constantFrom(
					'text/plain',
					'application/xml',
					'image/png',
					'',
					'multipart/mixed',
					'application/x-www-form-urlencoded; charset=utf-16',
					'application/octet-stream'
				)
			)
			.map(([ps, type]) => ({
				label: `a form sent as ${type || 'an empty content type'}`,
				contentType: type,
				bytes: utf8(ps.map(([k, v]) => `${k}=${v}`).join('&'))
			})),
		fc.json().map((json) => ({
			label: 'JSON where a form is expected',
			contentType: 'application/json',
			bytes: utf8(json)
		})),
		fc.tuple(boundary, boundary, names, file).map(([declared, used, name, content]) => ({
			label: 'multipart whose boundary is not the declared one',
			contentType: `multipart/form-data; boundary=${declared}X`,
			bytes: multipart(`${used}Y`, [{ name, filename: 'a.csv', content }])
		})),
		fc.tuple(boundary, file).map(([b, content]) => ({
			label: 'multipart cut off before its closing boundary',
			contentType: `multipart/form-data; boundary=${b}`,
			bytes: multipart(b, [{ name: 'file', filename: 'signals.csv', content }], false)
		})),
		fc
			.tuple(boundary, fc.integer({ min: 1, max: 4000 }), fc.double({ min: 0.05, max: 0.95, noNaN: true }))
			.map(([b, rows, fraction]) => {
				const whole = multipart(
					b,
					[{ name: 'file', filename: 'signals.csv', content: signalsCsv(rows) }],
					false
				);
				return {
					label: `a signals file of ${rows} rows cut off at ${Math.round(fraction * 100)}%, no closing boundary`,
					contentType: `multipart/form-data; boundary=${b}`,
					bytes: whole.subarray(0, Math.floor(whole.length * fraction))
				};
			}),
		fc
			.tuple(boundary, fc.integer({ min: 1, max: 4000 }), fc.double({ min: 0.05, max: 0.95, noNaN: true }))
			.map(([b, rows, fraction]) => {
				const bytes = multipart(b, [{ name: 'file', filename: 'signals.csv', content: signalsCsv(rows) }]);
				return {
					label: `a signals file of ${rows} rows whose client stops sending at ${Math.round(fraction * 100)}%`,
					contentType: `multipart/form-data; boundary=${b}`,
					bytes,
					cutAt: Math.floor(bytes.length * fraction)
				};
			}),
		fc
			.tuple(
				bytesArb(4000),
				fc.constantFrom(form, 'multipart/form-data; boundary=zz', 'application/json', null)
			)
			.map(([bytes, type]) => ({ label: 'random bytes', contentType: type, bytes })),
		fc.tuple(boundary, file).map(([b, content]) => ({
			label: 'multipart with a 5,000-character file name',
			contentType: `multipart/form-data; boundary=${b}`,
			bytes: multipart(b, [{ name: 'file', filename: `${'n'.repeat(4996)}.csv`, content }])
		})),
		fc.tuple(boundary, fc.integer({ min: 1, max: 64 * 1024 })).map(([b, extra]) => ({
			label: `a file over the route's limit of ${bodyLimit} bytes`,
			contentType: `multipart/form-data; boundary=${b}`,
			bytes: multipart(b, [
				{ name: 'file', filename: 'big.csv', content: new Uint8Array(bodyLimit + extra).fill(0x41) }
			])
		})),
		fc.integer({ min: 1, max: 64 * 1024 }).map((extra) => ({
			label: `an urlencoded body over the route's limit of ${bodyLimit} bytes`,
			contentType: form,
			bytes: utf8(`padding=${'a'.repeat(bodyLimit + extra)}`)
		}))
	);
}

/** Real ids of the seeded organisation, by parameter name. */
export type RealIds = Record<string, string>;

export function caseArbitrary(target: Target, ids: RealIds): fc.Arbitrary<FuzzCase> {
	const routeId = target.endpoint.routeId;
	const params = target.endpoint.params;
	const isPost = target.method === 'POST';
	// A POST with only ids as its input (closing a wave) is valid with the real ids: its last id is never real.
	const paramArbs = Object.fromEntries(
		params.map((name, i) => [
			name,
			paramArbitrary(ids[name], isPost && i === params.length - 1 && params.length > 1)
		])
	);
	const query = fc
		.array(
			fc.tuple(
				fc.oneof(fc.constantFrom(...target.queryNames, 'x'), fc.string({ maxLength: 8 })),
				nonsenseValue
			),
			{ maxLength: 3 }
		)
		.map((qs) =>
			qs.map(([k, v]) => `${encodeURIComponent(k)}=${requestTargetSafe(v.slice(0, 2000))}`).join('&')
		);
	// The server's own table of limits: routes that take HR files, and the small default for the rest.
	const bodyLimit =
		bodyLimitFor(routeId) === DEFAULT_BODY_LIMIT ? DEFAULT_BODY_LIMIT : UPLOAD_LIMIT_MB * 1024 * 1024;
	return fc.record({
		who: fc.constantFrom(...target.who),
		params: fc.record(paramArbs),
		query: isPost ? fc.constant('') : query,
		body: isPost ? bodyArbitrary(target.fieldNames, bodyLimit) : fc.constant(null),
		foreignOrigin: isPost ? fc.integer({ min: 0, max: 99 }).map((n) => n < 15) : fc.constant(false)
	});
}
