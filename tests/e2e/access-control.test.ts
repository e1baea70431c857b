import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeTree } from '../helpers/route-tree';
import { Client, homeOrganisationOf, unitIdsByCode } from '../helpers/http';

/**
 * Every route, for every role and for a member of another organisation. The table must name each
 * route under src/routes: a new route without a decision here fails the suite.
 */
type Who = 'anonymous' | 'admin' | 'advisor' | 'hr' | 'manager' | 'foreign';
const WHO: Who[] = ['anonymous', 'admin', 'advisor', 'hr', 'manager', 'foreign'];
const ACCOUNTS: Record<Exclude<Who, 'anonymous'>, string> = {
	admin: 'beheer@zonnedael.demo',
	advisor: 'preventie@zonnedael.demo',
	hr: 'hr@zonnedael.demo',
	manager: 'leiding@zonnedael.demo',
	foreign: 'beheer@lindebeek.demo'
};

/** Expected status of GET per role. 303 = sent elsewhere (sign-in or home). */
type Expectation = Record<Who, number>;
const all = (status: number, except: Partial<Expectation> = {}): Expectation =>
	({ ...Object.fromEntries(WHO.map((w) => [w, status])), ...except }) as Expectation;
const adminOnly: Expectation = {
	anonymous: 303,
	admin: 200,
	advisor: 403,
	hr: 403,
	manager: 403,
	foreign: 404
};
const wavePlanners: Expectation = {
	anonymous: 303,
	admin: 200,
	advisor: 200,
	hr: 403,
	manager: 403,
	foreign: 404
};

const signalViewers: Expectation = {
	anonymous: 303,
	admin: 200,
	advisor: 200,
	hr: 200,
	manager: 403,
	foreign: 404
};

const measureFollowers: Expectation = {
	anonymous: 303,
	admin: 403,
	advisor: 200,
	hr: 200,
	manager: 200,
	foreign: 404
};
const measureWriters: Expectation = { ...measureFollowers, manager: 403 };
// The plans for the committee: the advisor writes them, HR reads them; managers and admins do not.
const planReaders: Expectation = { ...measureFollowers, manager: 403 };
const planWriters: Expectation = { ...planReaders, hr: 403 };

const ROUTES: Record<string, { get: Expectation; post?: Expectation }> = {
	'/': { get: all(303) },
	'/login': { get: all(303, { anonymous: 200 }) },
	'/logout': { get: all(303) },
	'/lang': { get: all(303) },
	'/account': { get: all(200, { anonymous: 303 }) },
	'/orgs': { get: all(200, { anonymous: 303 }) },
	'/healthz': { get: all(200) },
	'/o/[org]': { get: all(200, { anonymous: 303, foreign: 404 }) },
	'/o/[org]/units/[unit]': { get: all(200, { anonymous: 303, foreign: 404 }) },
	'/o/[org]/admin/settings': { get: adminOnly },
	'/o/[org]/admin/units': { get: adminOnly },
	'/o/[org]/admin/units/import': { get: adminOnly },
	'/o/[org]/admin/units/template.csv': { get: adminOnly },
	'/o/[org]/admin/users': { get: adminOnly },
	'/o/[org]/audit': {
		get: { anonymous: 303, admin: 200, advisor: 200, hr: 403, manager: 403, foreign: 404 }
	},
	// The log's CSV: the page's rule.
	'/o/[org]/audit/export.csv': {
		get: { anonymous: 303, admin: 200, advisor: 200, hr: 403, manager: 403, foreign: 404 }
	},
	'/o/[org]/waves': { get: wavePlanners },
	'/o/[org]/waves/new': { get: wavePlanners },
	'/o/[org]/waves/[wave]': { get: wavePlanners },
	// Only POST: it creates codes. A GET is not allowed for anyone.
	'/o/[org]/waves/[wave]/codes.csv': { get: all(405), post: { ...wavePlanners, anonymous: 303 } },
	'/o/[org]/waves/[wave]/poster/[unit]': { get: wavePlanners },
	'/o/[org]/waves/[wave]/posters': { get: wavePlanners },
	'/o/[org]/instruments': { get: wavePlanners },
	'/o/[org]/instruments/barometer.json': { get: wavePlanners },
	'/o/[org]/results': {
		get: { anonymous: 303, admin: 403, advisor: 200, hr: 200, manager: 200, foreign: 404 }
	},
	// The heatmap's CSV and SVG: the page's rule (a manager gets their own subtree).
	'/o/[org]/results/heatmap.csv': {
		get: { anonymous: 303, admin: 403, advisor: 200, hr: 200, manager: 200, foreign: 404 }
	},
	'/o/[org]/results/heatmap.svg': {
		get: { anonymous: 303, admin: 403, advisor: 200, hr: 200, manager: 200, foreign: 404 }
	},
	// The signals view and its CSV: the results page's rule (a manager gets their own subtree).
	'/o/[org]/results/signals': {
		get: { anonymous: 303, admin: 403, advisor: 200, hr: 200, manager: 200, foreign: 404 }
	},
	'/o/[org]/results/signals.csv': {
		get: { anonymous: 303, admin: 403, advisor: 200, hr: 200, manager: 200, foreign: 404 }
	},
	// A manager sees the measures of their own subtree (the sample measure is of such a unit).
	'/o/[org]/measures': { get: measureFollowers },
	// The catalogue is for those who write measures; an own entry of another organisation is 404.
	'/o/[org]/measures/catalogue': { get: measureWriters },
	'/o/[org]/measures/catalogue/new': { get: measureWriters },
	'/o/[org]/measures/catalogue/[entry]': { get: measureWriters },
	'/o/[org]/measures/new': { get: measureWriters },
	'/o/[org]/measures/[measure]': { get: measureFollowers },
	'/o/[org]/plans': { get: planReaders },
	'/o/[org]/plans/new': { get: planWriters },
	'/o/[org]/plans/[plan]': { get: planReaders },
	'/o/[org]/plans/[plan]/export.csv': { get: planReaders },
	'/o/[org]/signals': { get: signalViewers },
	'/o/[org]/signals/template/[format]': { get: signalViewers },
	// Only POST (the upload with progress); admins see the history but do not import.
	'/o/[org]/signals/upload': { get: all(405), post: { ...signalViewers, admin: 403 } },
	// The preview of a workbook the browser cannot read (the mapping step), only for those who import.
	'/o/[org]/signals/preview': { get: all(405), post: { ...signalViewers, admin: 403 } },
	// The barometer is public: a respondent has no account.
	'/b': { get: all(200) },
	'/b/[token]': { get: all(200) }
};

interface Ctx {
	org: string;
	unitInManagerScope: string;
	unitOutsideManagerScope: string;
	wave: string;
	token: string;
	measure: string;
	/** An own catalogue entry of the organisation. */
	entry: string;
	plan: string;
}

/** Route ids as SvelteKit derives them from the files under src/routes. */
function discoverRoutes(): string[] {
	const root = new URL('../../src/routes/', import.meta.url).pathname;
	const routes = new Set<string>();
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (/^\+(page|page\.server|server)\.(ts|svelte|js)$/.test(name)) {
				const id =
					'/' +
					relative(root, dir)
						.split('/')
						.filter((s) => s && !/^\(.*\)$/.test(s))
						.join('/');
				routes.add(id === '/' ? '/' : id.replace(/\/$/, ''));
			}
		}
	};
	walk(root);
	return [...routes].sort();
}

/** The form actions of each page, as the TypeScript parser finds them in its +page.server.ts. */
const endpoints = routeTree();
function actionsOf(route: string): string[] {
	return endpoints
		.filter((e) => e.routeId === route && e.kind.startsWith('action:'))
		.map((e) => e.kind.slice('action:'.length));
}

const clients = {} as Record<Who, Client>;
let ctx: Ctx;

beforeAll(async () => {
	for (const who of WHO) {
		clients[who] = new Client();
		if (who !== 'anonymous') await clients[who].signIn(ACCOUNTS[who]);
	}
	const org = await homeOrganisationOf(clients.admin);
	const ids = await unitIdsByCode(clients.admin, org);
	const waves = await (await clients.admin.get(`/o/${org}/waves`)).text();
	// The seeded open wave, not one that another test file created (those are named "E2E …").
	const wave =
		[...waves.matchAll(/\/waves\/([0-9a-f-]{36})">([^<]*)</g)].find((m) => !m[2]!.startsWith('E2E'))?.[1] ??
		'';
	const wavePage = await (await clients.admin.get(`/o/${org}/waves/${wave}`)).text();
	const token = /href="\/b\/([a-z2-7]{26})"/.exec(wavePage)?.[1] ?? '';
	// A measure for a unit in the manager's subtree, made as the advisor makes one.
	const created = await clients.advisor.post(
		`/o/${org}/measures/new`,
		new URLSearchParams([
			['unitId', ids.get('LIN-EIK')!],
			['target', 'workload'],
			['title', 'E2E access measure'],
			['domain', 'work-organisation'],
			['preventionLevel', 'primary'],
			['applicationLevel', 'group'],
			['dueOn', '2031-06-30']
		]).toString()
	);
	const measure = /\/measures\/([0-9a-f-]{36})$/.exec(created.headers.get('location') ?? '')?.[1] ?? '';
	// An own catalogue entry, added as the advisor adds one.
	const added = await clients.advisor.post(
		`/o/${org}/measures/catalogue/new`,
		new URLSearchParams([
			['title', 'E2E own entry'],
			['how', 'Plan the work together.'],
			['watchOut', 'Keep it short.'],
			['target', 'workload'],
			['domain', 'work-organisation'],
			['level', 'primary'],
			['application', 'group']
		]).toString()
	);
	const entry = /\/catalogue\/([0-9a-f-]{36})\?created$/.exec(added.headers.get('location') ?? '')?.[1] ?? '';
	// A plan for the committee, made as the advisor makes one (a period no other test uses).
	const planned = await clients.advisor.post(
		`/o/${org}/plans/new`,
		new URLSearchParams([
			['kind', 'global'],
			['firstYear', '2051']
		]).toString()
	);
	const plan = /\/plans\/([0-9a-f-]{36})$/.exec(planned.headers.get('location') ?? '')?.[1] ?? '';
	ctx = {
		org,
		unitInManagerScope: ids.get('LIN-EIK')!,
		unitOutsideManagerScope: ids.get('AZ-SPO')!,
		wave,
		token,
		measure,
		entry,
		plan
	};
	expect(ctx.measure).not.toBe('');
	expect(ctx.entry).not.toBe('');
	expect(ctx.plan).not.toBe('');
	expect(ctx.wave).not.toBe('');
	expect(ctx.token).not.toBe('');
	expect(ctx.unitInManagerScope).toBeTruthy();
	expect(ctx.unitOutsideManagerScope).toBeTruthy();
});

function concrete(route: string, unit: string): string {
	return route
		.replace('[org]', ctx.org)
		.replace('[unit]', unit)
		.replace('[wave]', ctx.wave)
		.replace('[token]', ctx.token)
		.replace('[measure]', ctx.measure)
		.replace('[entry]', ctx.entry)
		.replace('[plan]', ctx.plan)
		.replace('[format]', 'monthly');
}

describe('route table', () => {
	it('names every route of the app, and only those', () => {
		expect(Object.keys(ROUTES).sort()).toEqual(discoverRoutes());
	});
});

describe.each(WHO)('GET as %s', (who) => {
	it.each(Object.keys(ROUTES))('%s', async (route) => {
		const response = await clients[who].get(concrete(route, ctx.unitInManagerScope));
		expect(response.status).toBe(ROUTES[route]!.get[who]);
		if (response.status === 303 && route.startsWith('/o/'))
			expect(response.headers.get('location')).toBe('/login');
	});
});

describe('manager scope', () => {
	it('sees units in their own subtree', async () => {
		expect((await clients.manager.get(`/o/${ctx.org}/units/${ctx.unitInManagerScope}`)).status).toBe(200);
	});
	it('gets 404 for units outside it, like a guessed id', async () => {
		expect((await clients.manager.get(`/o/${ctx.org}/units/${ctx.unitOutsideManagerScope}`)).status).toBe(
			404
		);
		expect(
			(await clients.manager.get(`/o/${ctx.org}/units/00000000-0000-4000-8000-000000000000`)).status
		).toBe(404);
	});
	it('gets 404 for a measure of a unit outside it or of the whole organisation, and does not list them', async () => {
		const outside: string[] = [];
		for (const [unitId, title] of [
			[ctx.unitOutsideManagerScope, 'E2E measure outside the subtree'],
			['', 'E2E measure of the organisation']
		] as const) {
			const created = await clients.advisor.post(
				`/o/${ctx.org}/measures/new`,
				new URLSearchParams([
					['unitId', unitId],
					['target', 'workload'],
					['title', title],
					['domain', 'work-organisation'],
					['preventionLevel', 'primary'],
					['applicationLevel', 'organisation'],
					['dueOn', '2031-06-30']
				]).toString()
			);
			expect(created.status).toBe(303);
			outside.push(/\/measures\/([0-9a-f-]{36})$/.exec(created.headers.get('location') ?? '')![1]!);
		}
		for (const id of outside) {
			expect((await clients.manager.get(`/o/${ctx.org}/measures/${id}`)).status).toBe(404);
			expect((await clients.advisor.get(`/o/${ctx.org}/measures/${id}`)).status).toBe(200);
		}
		const list = await (await clients.manager.get(`/o/${ctx.org}/measures`)).text();
		expect(list).toContain('E2E access measure');
		expect(list).not.toContain('E2E measure outside the subtree');
		expect(list).not.toContain('E2E measure of the organisation');
	});
	it('does not see other units on the overview', async () => {
		const html = await (await clients.manager.get(`/o/${ctx.org}`)).text();
		expect(html).toContain('Afdeling Eik');
		expect(html).not.toContain('Spoedgevallen');
	});
});

describe('other organisations', () => {
	it.each(['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1' or '1'='1"])(
		'an unknown or malformed id %s is 404',
		async (id) => {
			expect((await clients.admin.get(`/o/${encodeURIComponent(id)}`)).status).toBe(404);
			expect((await clients.admin.get(`/o/${ctx.org}/units/${encodeURIComponent(id)}`)).status).toBe(404);
		}
	);
	it('a unit id of organisation A under organisation B is 404', async () => {
		const foreignOrg = await homeOrganisationOf(clients.foreign);
		expect((await clients.admin.get(`/o/${foreignOrg}/units/${ctx.unitInManagerScope}`)).status).toBe(404);
		expect((await clients.foreign.get(`/o/${foreignOrg}/units/${ctx.unitInManagerScope}`)).status).toBe(404);
	});
});

describe('form actions are refused to whoever may not see the page', () => {
	const cases: Array<[string, string, Who]> = [];
	for (const route of Object.keys(ROUTES)) {
		for (const action of actionsOf(route)) {
			for (const who of WHO) {
				const status = ROUTES[route]!.get[who];
				if (status === 403 || status === 404) cases.push([route, action, who]);
			}
		}
	}
	for (const [route, spec] of Object.entries(ROUTES)) {
		for (const who of WHO) {
			const status = spec.post?.[who];
			if (status === 403 || status === 404) cases.push([route, 'POST', who]);
		}
	}
	it('finds the actions to test', () => {
		expect(cases.length).toBeGreaterThan(20);
	});
	it.each(cases)('%s ?/%s as %s', async (route, action, who) => {
		const path =
			concrete(route, ctx.unitInManagerScope) +
			(action === 'default' || action === 'POST' ? '' : `?/${action}`);
		const response = await clients[who].post(path, {
			name: 'Hacked',
			code: 'HACK',
			unitId: ctx.unitInManagerScope,
			userId: ctx.unitInManagerScope,
			minGroupSize: '3',
			sensitiveMinGroupSize: '3',
			language: 'en',
			email: 'x@y.be',
			displayName: 'X',
			role: 'admin'
		});
		expect(response.status).toBe(action === 'POST' ? ROUTES[route]!.post![who] : ROUTES[route]!.get[who]);
	});
	it('and nothing changed', async () => {
		const settings = await (await clients.admin.get(`/o/${ctx.org}/admin/settings`)).text();
		expect(settings).toContain('value="Zorggroep Zonnedael"');
		const units = await (await clients.admin.get(`/o/${ctx.org}/admin/units`)).text();
		expect(units).not.toContain('HACK');
		const users = await (await clients.admin.get(`/o/${ctx.org}/admin/users`)).text();
		expect(users).not.toContain('x@y.be');
	});
});
