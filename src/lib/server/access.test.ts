import { describe, expect, it } from 'vitest';
import type { UnitNode } from '../domain/units';
import {
	decide,
	navigationFor,
	scopeOf,
	type Access,
	type Action,
	type Actor,
	type ActorMembership
} from './access';

const ORG = 'org-a';
const OTHER = 'org-b';
const actorWith = (role: Actor['memberships'][number]['role'], unitId: string | null = null): Actor => ({
	userId: 'u',
	memberships: [{ organisationId: ORG, role, unitId }]
});
const admin = actorWith('admin');
const advisor = actorWith('advisor');
const hr = actorWith('hr');
const manager = actorWith('manager', 'ward-2');

describe('decide', () => {
	const cases: Array<
		[string, Actor | null, Action, { organisationId: string; unitPath?: string[] }, true | 403 | 404]
	> = [
		['anonymous is refused as not found', null, 'organisation.view', { organisationId: ORG }, 404],
		['admin edits settings', admin, 'organisation.settings.edit', { organisationId: ORG }, true],
		['advisor may not edit settings', advisor, 'organisation.settings.edit', { organisationId: ORG }, 403],
		['hr may not manage users', hr, 'user.edit', { organisationId: ORG }, 403],
		['manager may not see users', manager, 'user.view', { organisationId: ORG }, 403],
		['advisor reads the audit log', advisor, 'audit.view', { organisationId: ORG }, true],
		['hr does not read the audit log', hr, 'audit.view', { organisationId: ORG }, 403],
		['hr imports signals', hr, 'signals.import', { organisationId: ORG }, true],
		['a manager sees team results', manager, 'analytics.view', { organisationId: ORG }, true],
		['an admin does not see team results', admin, 'analytics.view', { organisationId: ORG }, 403],
		['results of another organisation are 404', advisor, 'analytics.view', { organisationId: OTHER }, 404],
		['advisor imports and undoes signals', advisor, 'signals.import', { organisationId: ORG }, true],
		['admin sees the upload history', admin, 'signals.view', { organisationId: ORG }, true],
		['admin does not import signals', admin, 'signals.import', { organisationId: ORG }, 403],
		['manager sees no signal uploads', manager, 'signals.view', { organisationId: ORG }, 403],
		['hr of A imports nothing into B', hr, 'signals.import', { organisationId: OTHER }, 404],
		['admin of A gets 404 in B', admin, 'organisation.view', { organisationId: OTHER }, 404],
		[
			'admin of A gets 404 for settings of B',
			admin,
			'organisation.settings.edit',
			{ organisationId: OTHER },
			404
		],
		[
			'manager sees own unit',
			manager,
			'unit.view',
			{ organisationId: ORG, unitPath: ['root', 'care', 'ward-2'] },
			true
		],
		[
			'manager sees a unit below own',
			manager,
			'unit.view',
			{ organisationId: ORG, unitPath: ['root', 'ward-2', 'night'] },
			true
		],
		[
			'manager does not see the parent',
			manager,
			'unit.view',
			{ organisationId: ORG, unitPath: ['root', 'care'] },
			404
		],
		[
			'manager does not see a sibling',
			manager,
			'unit.view',
			{ organisationId: ORG, unitPath: ['root', 'care', 'ward-3'] },
			404
		],
		['manager without a path is refused', manager, 'unit.view', { organisationId: ORG }, 404],
		[
			'advisor sees any unit',
			advisor,
			'unit.view',
			{ organisationId: ORG, unitPath: ['root', 'care'] },
			true
		],
		['manager may not edit units', manager, 'unit.edit', { organisationId: ORG }, 403],
		['advisor plans waves', advisor, 'wave.edit', { organisationId: ORG }, true],
		['hr does not plan waves', hr, 'wave.edit', { organisationId: ORG }, 403],
		['manager does not see waves', manager, 'wave.view', { organisationId: ORG }, 403],
		['unknown action is denied', admin, 'nonsense' as Action, { organisationId: ORG }, 403]
	];
	it.each(cases)('%s', (_name, actor, action, target, expected) => {
		const d = decide(actor, action, target);
		if (expected === true) expect(d.allowed).toBe(true);
		else expect(d).toEqual({ allowed: false, status: expected });
	});
});

describe('navigationFor', () => {
	it.each([
		[admin, ['overview', 'waves', 'signals', 'units', 'users', 'settings', 'audit']],
		[advisor, ['overview', 'results', 'waves', 'signals', 'measures', 'plans', 'audit']],
		[hr, ['overview', 'results', 'signals', 'measures', 'plans']],
		[manager, ['overview', 'results', 'measures']],
		[null, []]
	] as const)('%#', (actor, items) => {
		expect(navigationFor(actor, ORG)).toEqual(items);
	});
	it('shows nothing of another organisation', () => {
		expect(navigationFor(admin, OTHER)).toEqual([]);
	});
});

describe('scopeOf', () => {
	// root ─ care ─ ward-2 ─ night
	//      │      └ ward-3
	//      └ office (archived)
	const unit = (id: string, parentId: string | null, archived = false): UnitNode => ({
		id,
		parentId,
		code: id,
		name: id,
		headcount: null,
		archived
	});
	const units = [
		unit('root', null),
		unit('care', 'root'),
		unit('ward-2', 'care'),
		unit('night', 'ward-2'),
		unit('ward-3', 'care'),
		unit('office', 'root', true)
	];
	const all = ['root', 'care', 'ward-2', 'night', 'ward-3', 'office'];
	// Only authorize() makes an Access; the table states memberships directly, including ones the
	// policy would refuse (a manager without a unit), to pin what scopeOf does with them.
	const member = (role: ActorMembership['role'], unitId: string | null = null) =>
		({ organisationId: ORG, role, unitId }) as Access;
	it.each([
		['an advisor sees every unit, archived ones too', member('advisor'), units, all],
		['hr sees every unit', member('hr'), units, all],
		['an admin sees every unit', member('admin'), units, all],
		[
			'a manager sees their unit and what lies below it',
			member('manager', 'ward-2'),
			units,
			['ward-2', 'night']
		],
		['a manager of a leaf sees that unit only', member('manager', 'night'), units, ['night']],
		['a manager of the root sees every unit', member('manager', 'root'), units, all],
		['a manager of an archived unit still sees it', member('manager', 'office'), units, ['office']],
		['a manager whose unit is gone sees nothing', member('manager', 'gone'), units, []],
		['a manager without a unit sees nothing', member('manager', null), units, []],
		['no units, nothing to see', member('advisor'), [], []]
	] as const)('%s', (_name, membership, tree, expected) => {
		expect([...scopeOf(membership, tree)].sort()).toEqual([...expected].sort());
	});
});
