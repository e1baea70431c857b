import type { Kysely } from 'kysely';
import type { DisclosurePlan } from '../../domain/anonymity';
import type { UnitNode } from '../../domain/units';
import type { Database } from '../db/schema';
import { treeOf } from './common';
import { findReleases, recordRelease } from './releases';

/**
 * A closed wave is released the first time anything of it is shown to anyone: its heatmap, the
 * attention list, a unit page, its participation on the wave page (docs/anonymity.md, "Across
 * waves"). From then on it is final: it cannot be reopened (setWaveClosed asks `isWaveReleased`),
 * so its summary, and with it every figure it showed, never changes again.
 */

/** The wave changed (it was reopened) between reading its figures and releasing them. */
export class WaveChangedError extends Error {
	constructor(readonly waveId: string) {
		super('The wave was reopened while its results were being read');
	}
}

/** A wave's figures would differ from those it released: a bug or a change behind the product's back. */
export class ReleasedOtherwiseError extends Error {
	constructor(readonly waveId: string) {
		super('The wave was released in another form; its figures are not shown again differently');
	}
}

function samePlan(
	a: { k: number; own: Readonly<Record<string, number>>; shown: readonly string[] },
	b: { k: number; own: Readonly<Record<string, number>>; shown: readonly string[] }
): boolean {
	const sorted = (ids: readonly string[]) => [...ids].sort().join(',');
	const owns = (own: Readonly<Record<string, number>>) =>
		Object.entries(own)
			.filter(([, n]) => n > 0)
			.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
			.map(([id, n]) => `${id}:${n}`)
			.join(',');
	return a.k === b.k && sorted(a.shown) === sorted(b.shown) && owns(a.own) === owns(b.own);
}

interface WaveToRelease {
	id: string;
	summarised_at: Date | null;
}

interface WaveFigures {
	result: {
		respondentPlan: DisclosurePlan;
		plans: readonly DisclosurePlan[];
		dimensionIds: readonly string[];
	};
	units: readonly UnitNode[];
}

/** Waves known to be released, per database: a release is never undone, so this only saves reads. */
const knownReleased = new WeakMap<Kysely<Database>, Set<string>>();

const releaseKey = (organisationId: string, wave: WaveToRelease) =>
	`${organisationId}|${wave.id}|${wave.summarised_at ? new Date(wave.summarised_at).getTime() : 'none'}`;

const shownIds = (plan: DisclosurePlan) => [...plan.units.values()].filter((u) => u.shown).map((u) => u.id);

/** The release of a wave: its ordinary plan on the tree it was summarised with, with each dimension's shown units. */
export function wavePlanOf(figures: WaveFigures, k: number) {
	const tree = treeOf(figures.units);
	const plan = figures.result.respondentPlan;
	const children = new Map<string, string[]>();
	for (const node of tree)
		if (node.parentId !== null)
			children.set(node.parentId, [...(children.get(node.parentId) ?? []), node.id]);
	const own: Record<string, number> = {};
	for (const node of tree) {
		const subtree = plan.units.get(node.id)?.subtreeCount ?? 0;
		const below = (children.get(node.id) ?? []).reduce(
			(sum, c) => sum + (plan.units.get(c)?.subtreeCount ?? 0),
			0
		);
		if (subtree - below > 0) own[node.id] = subtree - below;
	}
	return {
		k,
		tree: tree.map((n) => ({ id: n.id, parentId: n.parentId })),
		own,
		shown: shownIds(plan),
		detail: {
			dimensions: Object.fromEntries(
				figures.result.dimensionIds.map((id, d) => [id, shownIds(figures.result.plans[d]!)])
			)
		}
	};
}

/**
 * Records the release of each wave not released yet, before any of its figures leave the gate.
 * Each is written in a transaction that holds the wave's row (FOR SHARE) as summarised when its
 * figures were read: a reopening (which takes the row FOR UPDATE and refuses a released wave)
 * either comes first, and then nothing is released and WaveChangedError says to read again, or
 * waits and then finds the release.
 */
export async function releaseWaves<W extends WaveToRelease & { min_group_size: number }>(
	db: Kysely<Database>,
	organisationId: string,
	waves: readonly W[],
	today: string,
	figuresOf: (waves: readonly W[]) => Promise<readonly WaveFigures[]>
): Promise<void> {
	let known = knownReleased.get(db);
	if (!known) knownReleased.set(db, (known = new Set()));
	const pending = waves.filter((w) => !known.has(releaseKey(organisationId, w)));
	if (pending.length === 0) return;
	const figures = await figuresOf(pending);
	for (const [i, wave] of pending.entries()) {
		const plan = wavePlanOf(figures[i]!, wave.min_group_size);
		await db.transaction().execute(async (trx) => {
			const row = await trx
				.selectFrom('wave')
				.select('summarised_at')
				.where('organisation_id', '=', organisationId)
				.where('id', '=', wave.id)
				.forShare()
				.executeTakeFirst();
			const same =
				row?.summarised_at &&
				wave.summarised_at &&
				new Date(row.summarised_at).getTime() === new Date(wave.summarised_at).getTime();
			if (!same) throw new WaveChangedError(wave.id);
			const inForce = await recordRelease(trx, organisationId, {
				kind: 'wave',
				subject: wave.id,
				...plan,
				releasedOn: today
			});
			// The first release wins; figures of the same wave in another form are never shown.
			if (!samePlan(inForce, plan)) throw new ReleasedOtherwiseError(wave.id);
		});
		known.add(releaseKey(organisationId, wave));
	}
}

/** Whether anything of the wave was ever shown. */
export async function isWaveReleased(
	db: Kysely<Database> | Parameters<typeof findReleases>[0],
	organisationId: string,
	waveId: string
): Promise<boolean> {
	return (await findReleases(db, organisationId, 'wave', [waveId])).has(waveId);
}

/** The ids of the organisation's released waves among `waveIds`. */
export async function releasedWaves(
	db: Parameters<typeof findReleases>[0],
	organisationId: string,
	waveIds: readonly string[]
): Promise<Set<string>> {
	return new Set((await findReleases(db, organisationId, 'wave', waveIds)).keys());
}

/**
 * Runs a read of closed waves' figures again when a wave was reopened while it ran (the second
 * run no longer sees it as closed); a second change in a row is an error.
 */
export async function readingReleased<T>(read: () => Promise<T>): Promise<T> {
	try {
		return await read();
	} catch (e) {
		if (!(e instanceof WaveChangedError)) throw e;
		return read();
	}
}
