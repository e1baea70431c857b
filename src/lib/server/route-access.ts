import type { Action } from './access';

/**
 * Who may reach each server entry point of the app, declared once. A unit test reads the routes
 * with the TypeScript parser and fails when an entry point is missing here, when a declaration
 * names one that no longer exists, or when a handler declared with an Action does not ask
 * `authorize` for that Action (itself or through the service it calls).
 *
 * - `{ public: reason }`: anyone, also without a session.
 * - `'signed-in'`: any signed-in user; the handler sends others to the sign-in page.
 * - an Action: access.ts decides per organisation, role and unit.
 *
 * Kinds: `load` (page), `layout-load`, `action:<name>` (form actions, `default` included) and the
 * HTTP methods of `+server.ts` endpoints.
 */
export type RouteAccess = { public: string } | 'signed-in' | Action;

export const ROUTE_ACCESS: Record<string, Record<string, RouteAccess>> = {
	'/': {
		'layout-load': { public: 'the page language and the signed-in name, on every page' },
		load: 'signed-in'
	},
	'/account': { load: 'signed-in', 'action:default': 'signed-in' },
	'/b': {
		load: { public: 'respondents have no account: the code form' },
		'action:start': { public: 'respondents have no account: a personal code opens the questionnaire' },
		'action:submit': { public: 'respondents have no account: answers to an opened code' }
	},
	'/b/[token]': {
		load: { public: 'respondents have no account: the questionnaire of a unit link' },
		'action:default': { public: 'respondents have no account: answers through a unit link' }
	},
	'/healthz': { GET: { public: 'liveness for load balancers; tells nothing about any organisation' } },
	'/lang': {
		load: { public: 'only sends the browser home' },
		'action:default': { public: 'the language cookie; also saved to the account of whoever is signed in' }
	},
	'/login': {
		load: { public: 'the sign-in form' },
		'action:default': { public: 'signing in' }
	},
	'/logout': {
		load: { public: 'only sends the browser home' },
		'action:default': { public: 'ends at most the session of the browser that asks' }
	},
	'/o/[org]': { 'layout-load': 'organisation.view', load: 'organisation.view' },
	'/o/[org]/admin/settings': {
		load: 'organisation.settings.edit',
		'action:default': 'organisation.settings.edit'
	},
	'/o/[org]/admin/units': {
		load: 'unit.edit',
		'action:add': 'unit.edit',
		'action:rename': 'unit.edit',
		'action:move': 'unit.edit',
		'action:archive': 'unit.edit'
	},
	'/o/[org]/admin/units/import': { load: 'unit.edit', 'action:default': 'unit.edit' },
	'/o/[org]/admin/units/template.csv': { GET: 'unit.edit' },
	'/o/[org]/admin/users': {
		load: 'user.view',
		'action:create': 'user.edit',
		'action:role': 'user.edit',
		'action:deactivate': 'user.edit',
		'action:reactivate': 'user.edit',
		'action:reset': 'user.edit'
	},
	'/o/[org]/audit': { load: 'audit.view' },
	'/o/[org]/audit/export.csv': { GET: 'audit.view' },
	'/o/[org]/instruments': { load: 'instrument.edit', 'action:default': 'instrument.edit' },
	'/o/[org]/instruments/barometer.json': { GET: 'instrument.edit' },
	'/o/[org]/measures': { load: 'measure.view' },
	'/o/[org]/measures/catalogue': {
		load: 'catalogue.edit',
		'action:hide': 'catalogue.edit',
		'action:show': 'catalogue.edit'
	},
	'/o/[org]/measures/catalogue/new': { load: 'catalogue.edit', 'action:default': 'catalogue.edit' },
	'/o/[org]/measures/catalogue/[entry]': {
		load: 'catalogue.edit',
		'action:edit': 'catalogue.edit',
		'action:retire': 'catalogue.edit',
		'action:restore': 'catalogue.edit'
	},
	'/o/[org]/measures/new': { load: 'measure.edit', 'action:default': 'measure.edit' },
	'/o/[org]/measures/[measure]': {
		load: 'measure.view',
		'action:edit': 'measure.edit',
		'action:progress': 'measure.progress',
		'action:note': 'measure.progress'
	},
	'/o/[org]/plans': { load: 'plan.view' },
	'/o/[org]/plans/new': { load: 'plan.edit', 'action:default': 'plan.edit' },
	'/o/[org]/plans/[plan]': {
		load: 'plan.view',
		'action:sections': 'plan.edit',
		'action:status': 'plan.edit',
		'action:version': 'plan.edit'
	},
	'/o/[org]/plans/[plan]/export.csv': { GET: 'plan.view' },
	'/o/[org]/results': { load: 'analytics.view' },
	'/o/[org]/results/heatmap.csv': { GET: 'analytics.view' },
	'/o/[org]/results/heatmap.svg': { GET: 'analytics.view' },
	'/o/[org]/results/signals': { load: 'analytics.view' },
	'/o/[org]/results/signals.csv': { GET: 'analytics.view' },
	'/o/[org]/signals': {
		load: 'signals.view',
		'action:upload': 'signals.import',
		'action:undo': 'signals.import',
		'action:mapCodes': 'signals.import',
		'action:unmapCode': 'signals.import'
	},
	'/o/[org]/signals/template/[format]': { GET: 'signals.view' },
	'/o/[org]/signals/preview': { POST: 'signals.import' },
	'/o/[org]/signals/upload': { POST: 'signals.import' },
	'/o/[org]/units/[unit]': { load: 'unit.view' },
	'/o/[org]/waves': { load: 'wave.view' },
	'/o/[org]/waves/new': { load: 'wave.edit', 'action:default': 'wave.edit' },
	'/o/[org]/waves/[wave]': { load: 'wave.view', 'action:close': 'wave.edit', 'action:reopen': 'wave.edit' },
	'/o/[org]/waves/[wave]/codes.csv': { POST: 'wave.edit' },
	'/o/[org]/waves/[wave]/poster/[unit]': { load: 'wave.view' },
	'/o/[org]/waves/[wave]/posters': { load: 'wave.view' },
	'/orgs': { load: 'signed-in' }
};

/** The declared access of one entry point, or undefined when none is declared. */
export function routeAccess(routeId: string, kind: string): RouteAccess | undefined {
	const kinds = Object.hasOwn(ROUTE_ACCESS, routeId) ? ROUTE_ACCESS[routeId]! : {};
	return Object.hasOwn(kinds, kind) ? kinds[kind] : undefined;
}
