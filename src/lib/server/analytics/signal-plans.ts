import type { Kysely } from 'kysely';
import type { DisclosurePlan } from '../../domain/anonymity';
import type { ReleaseNode } from '../../domain/releases';
import { planSignalMonth, releasedMonthPlan } from '../../domain/signals/month-plans';
import type { Database } from '../db/schema';
import { treeOf } from './common';
import { readInputVersions } from './inputs';
import { findReleases, recordReleases, type Release } from './releases';
import {
	indexTree,
	rollUpFigureColumnsByMonth,
	type MonthTree,
	type RolledUpFigures,
	type TreeIndex
} from './rollup';
import type { SignalWindow } from './signal-window';

/**
 * The plans of the months of a signal window (docs/anonymity.md, "Health signals"): each month
 * from its release, or, when it has none yet, planned now with today's k and tree on each unit's
 * people, and released in this call (all new months in one insert) when its plan shows anything.
 * A plan that shows nothing discloses nothing, so such a month is planned again at its next showing.
 * With `record: false` nothing is written: the months are planned as they would be released.
 * Every unit-month's figures roll up along the tree of its month's plan.
 */
export interface SignalPlans {
	/** By month (`yyyy-mm`): the plan in force; months without figures have none. */
	plans: Map<string, DisclosurePlan>;
	/** Positions of every unit of today's tree and of the months' trees. */
	index: TreeIndex;
	rolled: RolledUpFigures;
	/**
	 * When this call released months: the releases version right after, under which the result
	 * may be kept too (it holds every release it used); null when it released nothing.
	 */
	releasedAs: string | null;
	/**
	 * With `record: false`: the months (yyyy-mm-01) planned now that showing them would release;
	 * nothing was written, and whoever shows figures planned this way releases them first.
	 */
	unreleased: string[];
}

export async function signalPlans(
	db: Kysely<Database>,
	organisationId: string,
	k: number,
	units: ReadonlyArray<{ id: string; parentId: string | null }>,
	window: SignalWindow,
	today: string,
	{ record = true }: { record?: boolean } = {}
): Promise<SignalPlans> {
	const current: ReleaseNode[] = treeOf(units);
	const { columns, months } = window;
	const people = window.figureIds.indexOf('people');
	if (people < 0) throw new Error('A signal window must read people to be planned');
	const own = months.map(() => new Map<string, number>());
	const present = months.map(() => false);
	columns.unitIds.forEach((id, r) => {
		const m = columns.month[r]!;
		present[m] = true;
		const value = columns.values[r * columns.figures + people]!;
		if (!Number.isNaN(value) && value > 0) own[m]!.set(id, value);
	});
	const subjects = months.filter((_, m) => present[m]).map((month) => `${month}-01`);
	const released = await findReleases(db, organisationId, 'signal-month', subjects);

	const plans = new Map<string, DisclosurePlan>();
	const fresh: Array<Omit<Release, 'kind'>> = [];
	months.forEach((month, m) => {
		if (!present[m] || released.has(`${month}-01`)) return;
		const { release, detail, plan } = planSignalMonth(current, own[m]!, k);
		if (release.shown.length > 0)
			fresh.push({ ...release, subject: `${month}-01`, detail: { ...detail }, releasedOn: today });
		else plans.set(month, plan);
	});
	if (record) {
		for (const [subject, release] of await recordReleases(db, organisationId, 'signal-month', fresh))
			released.set(subject, release);
	} else {
		// Planned as the release would record them, without writing anything.
		for (const release of fresh) released.set(release.subject, { kind: 'signal-month', ...release });
	}
	const releasedAs =
		record && fresh.length > 0 ? (await readInputVersions(db, organisationId)).releases : null;

	// One list of positions for every tree; one index per distinct tree.
	const trees = months.map(
		(month, m) => (present[m] ? released.get(`${month}-01`)?.tree : undefined) ?? current
	);
	const ids = [...new Set(trees.flatMap((tree) => tree.map((u) => u.id)).concat(current.map((u) => u.id)))];
	const byTree = new Map<readonly ReleaseNode[], MonthTree>();
	const monthTrees = trees.map((tree) => {
		const kept = byTree.get(tree);
		if (kept) return kept;
		const parentOf = new Map(tree.map((u) => [u.id, u.parentId]));
		const index = indexTree(ids.map((id) => ({ id, parentId: parentOf.get(id) ?? null })));
		const member = new Uint8Array(ids.length);
		for (const u of tree) member[index.position.get(u.id)!] = 1;
		const made = { tree: index, member };
		byTree.set(tree, made);
		return made;
	});
	months.forEach((month, m) => {
		const release = present[m] ? released.get(`${month}-01`) : undefined;
		if (release) plans.set(month, releasedMonthPlan(release, own[m]!));
	});
	return {
		releasedAs,
		unreleased: record ? [] : fresh.map((r) => r.subject),
		plans,
		index: monthTrees[0]?.tree ?? indexTree(current),
		rolled: rollUpFigureColumnsByMonth(monthTrees, columns)
	};
}
