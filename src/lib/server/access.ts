import { error, redirect } from '@sveltejs/kit';
import { subtreeIds, type UnitNode } from '../domain/units';
import type { Role } from './db/schema';

/**
 * The one place that decides who may read or change what. Every load function, form action and
 * endpoint asks it; anything not granted here is refused (default deny).
 *
 * - Someone with no active membership in an organisation gets 404 for everything in it, so ids
 *   of other organisations cannot even be confirmed to exist.
 * - A member whose role lacks the permission gets 403.
 * - A manager only reaches units inside their own subtree; other units are 404 to them.
 */
export type Action =
	| 'organisation.view'
	| 'organisation.settings.edit'
	| 'unit.view'
	| 'unit.edit'
	| 'user.view'
	| 'user.edit'
	| 'audit.view'
	| 'wave.view'
	| 'wave.edit'
	| 'instrument.edit'
	| 'signals.view'
	| 'signals.import'
	| 'analytics.view'
	| 'measure.view'
	| 'measure.edit'
	| 'measure.progress'
	| 'plan.view'
	| 'plan.edit'
	| 'catalogue.edit';

interface Rule {
	roles: readonly Role[];
	/** Managers pass only when the target unit lies in their subtree. */
	unitScoped?: boolean;
}

const POLICY: Record<Action, Rule> = {
	'organisation.view': { roles: ['admin', 'advisor', 'hr', 'manager'] },
	'organisation.settings.edit': { roles: ['admin'] },
	'unit.view': { roles: ['admin', 'advisor', 'hr', 'manager'], unitScoped: true },
	'unit.edit': { roles: ['admin'] },
	'user.view': { roles: ['admin'] },
	'user.edit': { roles: ['admin'] },
	'audit.view': { roles: ['admin', 'advisor'] },
	// Prevention advisors and occupational physicians plan waves; admins help them set up.
	'wave.view': { roles: ['admin', 'advisor'] },
	'wave.edit': { roles: ['admin', 'advisor'] },
	'instrument.edit': { roles: ['admin', 'advisor'] },
	// HR uploads collective signals; advisors may too, and either may undo an upload. Admins see the history.
	'signals.view': { roles: ['admin', 'advisor', 'hr'] },
	'signals.import': { roles: ['advisor', 'hr'] },
	// Team results: managers see their own subtree (the analytics service narrows the rows to it).
	'analytics.view': { roles: ['advisor', 'hr', 'manager'] },
	// Action plans: advisors and HR write measures; managers follow and move along those of their subtree.
	'measure.view': { roles: ['advisor', 'hr', 'manager'], unitScoped: true },
	'measure.edit': { roles: ['advisor', 'hr'] },
	'measure.progress': { roles: ['advisor', 'hr', 'manager'], unitScoped: true },
	// The plans for the committee are documents of the organisation as a whole: the prevention
	// advisor writes them and takes them through the committee; HR reads them. Managers follow the
	// measures of their own units instead (a plan shows every unit).
	'plan.view': { roles: ['advisor', 'hr'] },
	'plan.edit': { roles: ['advisor'] },
	// The organisation's own catalogue entries, and which built-in entries it hides: who writes measures.
	'catalogue.edit': { roles: ['advisor', 'hr'] }
};

export interface ActorMembership {
	organisationId: string;
	role: Role;
	/** The manager's unit; null for the other roles. */
	unitId: string | null;
}

export interface Actor {
	userId: string;
	memberships: readonly ActorMembership[];
}

export interface Target {
	organisationId: string;
	/** For unit-scoped actions: the ids from the root of the tree down to the target unit. */
	unitPath?: readonly string[];
}

export type Decision = { allowed: true; membership: ActorMembership } | { allowed: false; status: 403 | 404 };

declare const granted: unique symbol;

/**
 * What `authorize` hands back: the membership that allowed `action`, marked so that only
 * `authorize` makes one. Functions that narrow data to a member's reach (`scopeOf`) take this, not a
 * bare membership, so they cannot be reached without the policy having been asked first.
 */
export type Access<A extends Action = Action> = ActorMembership & { readonly [granted]: A };

export function decide(actor: Actor | null, action: Action, target: Target): Decision {
	if (!actor) return { allowed: false, status: 404 };
	const membership = actor.memberships.find((m) => m.organisationId === target.organisationId);
	if (!membership) return { allowed: false, status: 404 };
	const rule = POLICY[action];
	if (!rule || !rule.roles.includes(membership.role)) return { allowed: false, status: 403 };
	if (membership.role === 'manager' && rule.unitScoped) {
		if (!target.unitPath || !membership.unitId || !target.unitPath.includes(membership.unitId)) {
			return { allowed: false, status: 404 };
		}
	}
	return { allowed: true, membership };
}

export function can(actor: Actor | null, action: Action, target: Target): boolean {
	return decide(actor, action, target).allowed;
}

/**
 * Throws SvelteKit's 404 or 403 unless allowed; returns the membership that allowed it. A visitor
 * who is not signed in is sent to the sign-in page (which tells nothing about the target).
 */
export function authorize<A extends Action>(actor: Actor | null, action: A, target: Target): Access<A> {
	if (!actor) redirect(303, '/login');
	const decision = decide(actor, action, target);
	if (!decision.allowed)
		error(decision.status, decision.status === 404 ? 'error.notFound' : 'error.forbidden');
	return decision.membership as Access<A>;
}

/**
 * The units of the organisation a member may reach, given the access `authorize` returned: all of
 * them, or a manager's own unit with everything below it (none when that unit is not in the tree).
 * The same rule as `unitScoped` in the policy, for filtering many units at once.
 */
export function scopeOf(
	membership: Access,
	units: ReadonlyArray<Pick<UnitNode, 'id' | 'parentId'>>
): ReadonlySet<string> {
	if (membership.role !== 'manager') return new Set(units.map((u) => u.id));
	const own = membership.unitId;
	if (!own || !units.some((u) => u.id === own)) return new Set();
	return subtreeIds(units, own);
}

/** The navigation a member sees, derived from the same policy. */
export type NavItem =
	| 'overview'
	| 'results'
	| 'waves'
	| 'signals'
	| 'measures'
	| 'plans'
	| 'units'
	| 'users'
	| 'settings'
	| 'audit';

export function navigationFor(actor: Actor | null, organisationId: string): NavItem[] {
	const target = { organisationId };
	const items: NavItem[] = [];
	if (can(actor, 'organisation.view', target)) items.push('overview');
	if (can(actor, 'analytics.view', target)) items.push('results');
	if (can(actor, 'wave.view', target)) items.push('waves');
	if (can(actor, 'signals.view', target)) items.push('signals');
	// A manager follows the measures of their own subtree: asked for their own unit.
	const own = actor?.memberships.find((m) => m.organisationId === organisationId)?.unitId;
	if (can(actor, 'measure.view', { organisationId, unitPath: own ? [own] : [] })) items.push('measures');
	if (can(actor, 'plan.view', target)) items.push('plans');
	if (can(actor, 'unit.edit', target)) items.push('units');
	if (can(actor, 'user.view', target)) items.push('users');
	if (can(actor, 'organisation.settings.edit', target)) items.push('settings');
	if (can(actor, 'audit.view', target)) items.push('audit');
	return items;
}
