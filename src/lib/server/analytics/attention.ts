import { error } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import {
	dimensionFindings,
	rankUnits,
	RATE_INDICATOR_IDS,
	RATE_INDICATORS,
	rateFindings,
	rateSignalsAgainst,
	type Finding,
	type WarningMessage
} from '../../domain/early-warning';
import type { FigureId } from '../../domain/signals/formats';
import { shownMonths, watchedSeries } from '../../domain/signals/gate';
import { distinctNames, flattenTree, type TreeRow } from '../../domain/units';
import type { UnitRecord } from '../units/queries';
import { surveyDimension } from '../../domain/wave-results';
import { dimensionsOf } from '../../instruments';
import type { Localised } from '../../instruments/types';
import { authorize, scopeOf, type Actor } from '../access';
import { todayInBelgium } from '../clock';
import type { Database } from '../db/schema';
import { findOrganisation } from '../organisations/queries';
import {
	findStoredAttention,
	moveStoredAttention,
	releaseStoredMonths,
	storeAttention,
	type StoredAttention
} from './attention-store';
import { freezeEach, ResultCache } from './cache';
import { ORGANISATION_ROOT } from './common';
import { readInputVersions, type InputVersions } from './inputs';
import { figureSeries } from './rollup';
import { signalPlans, type SignalPlans } from './signal-plans';
import { readSignalWindow, type SignalWindow } from './signal-window';
import { ensureWaveSummaries, findClosedWaves } from './summaries';
import {
	closedWaveResults,
	RequestInputs,
	waveKey,
	waveResultsOf,
	type ClosedWave,
	type WaveChoice,
	type WaveResult
} from './wave-results';
import { readingReleased, releaseWaves } from './wave-release';

export interface AttentionItem {
	rank: number;
	unitId: string;
	name: string;
	code: string;
	/** The sum of the reasons' points, shown with the reasons. */
	score: number;
	/** Each reason with what it is about: a dimension id or a signal indicator id (a measure's target). */
	reasons: Array<{ points: number; persistent: boolean; target: string; message: WarningMessage }>;
}

export interface AttentionList {
	/** The wave the survey reasons are about, and the last month of signals looked at. */
	wave: WaveChoice | null;
	month: string | null;
	/** Names of the dimensions the reasons mention, per language. */
	dimensionNames: Record<string, Localised>;
	items: AttentionItem[];
}

/** How many waves (the latest and those before it) and months of signals are looked at. */
const ATTENTION_WAVES = 3;
const ATTENTION_MONTHS = 24;

/** The figures the watched rates are made of, the headcount and the people the months are planned on. */
export const RATE_FIGURES: readonly FigureId[] = [
	...new Set<FigureId>([
		'headcount',
		'people',
		...RATE_INDICATOR_IDS.flatMap((id) => [...RATE_INDICATORS[id].numerator, RATE_INDICATORS[id].denominator])
	])
];

/** The attention list of all units, ranked, before the actor's scope is applied. */
interface AttentionSnapshot {
	/** The unit tree (ids and parents) the actor's scope is taken from. */
	units: StoredAttention['units'];
	month: string | null;
	dimensionNames: Record<string, Localised>;
	/** Most attention first; `rank` is given per request, within the actor's scope. */
	items: ReadonlyArray<Omit<AttentionItem, 'rank'>>;
}

const attentions = new ResultCache<AttentionSnapshot>(4);

/** The closed waves the attention list compares: the latest and those before it that asked the same. */
function attentionWaves(closed: readonly ClosedWave[]): ClosedWave[] {
	const latest = closed[0];
	if (!latest) return [];
	const key = (w: ClosedWave) =>
		dimensionsOf(w.definition, w.include_module)
			.map((d) => d.id)
			.join();
	return closed
		.filter((w) => key(w) === key(latest))
		.slice(0, ATTENTION_WAVES)
		.reverse();
}

/** The survey reasons: each unit's dimensions in the latest waves, through each wave's plans. */
function surveyFindings(
	visible: readonly TreeRow<UnitRecord>[],
	waves: readonly ClosedWave[],
	results: readonly WaveResult[],
	add: (unitId: string, found: readonly Finding[]) => void
): Record<string, Localised> {
	const dimensionNames: Record<string, Localised> = {};
	const latest = waves.at(-1);
	if (!latest) return dimensionNames;
	const dimensions = dimensionsOf(latest.definition, latest.include_module);
	for (const d of dimensions) dimensionNames[d.id] = d.name;
	const organisation = dimensions.map((_, d) =>
		results.map((result) => surveyDimension(result, ORGANISATION_ROOT, d))
	);
	const last = results.length - 1;
	for (const row of visible) {
		for (const [d, dimension] of dimensions.entries()) {
			// Nothing to find without a shown figure in the latest wave (dimensionFindings returns []).
			const current = surveyDimension(results[last]!, row.unit.id, d);
			if (!current) continue;
			const series = waves.map((w, i) => ({
				wave: w.name,
				unit: i === last ? current : surveyDimension(results[i]!, row.unit.id, d),
				organisation: organisation[d]![i]!
			}));
			add(row.unit.id, dimensionFindings({ id: dimension.id, riskWhen: dimension.bands.riskWhen }, series));
		}
	}
	return dimensionNames;
}

/**
 * The signal reasons: the last months of figures, each unit's subtree along its month's tree, each
 * month through its plan in force (signal-plans.ts) by the signals gate (signals/gate.ts): a month
 * counts in a unit's series only when its plan shows the unit, and a unit has reasons only when
 * the last month's plan shows it. What indicatorFindings does per unit, with the organisation's
 * rates computed once.
 */
function signalFindings(
	window: SignalWindow,
	{ plans, index, rolled }: SignalPlans,
	visible: readonly TreeRow<UnitRecord>[],
	add: (unitId: string, found: readonly Finding[]) => void
): string | null {
	const lastMonth = window.lastMonth;
	if (!lastMonth) return null;
	const { figureIds } = window;
	const figuresOf = (unitId: string) =>
		figureSeries(rolled, index.position.get(unitId)!, unitId, window.months, figureIds);
	const organisationSeries = shownMonths(figuresOf(ORGANISATION_ROOT), plans, ORGANISATION_ROOT);
	// Each unit's months are read once for all indicators, against the organisation's rates read once.
	const signalsOf = rateSignalsAgainst(organisationSeries, RATE_INDICATOR_IDS, lastMonth);
	for (const row of visible) {
		const series = watchedSeries(plans, row.unit.id, lastMonth, figuresOf);
		if (!series) continue;
		for (const { indicator, signal } of signalsOf(series)) add(row.unit.id, rateFindings(indicator, signal));
	}
	return lastMonth;
}

/**
 * Units that need attention, ranked (docs/early-warning.md): survey dimensions worse than the
 * previous wave or the organisation, and signal rates out of line with the unit's own history or
 * the organisation. Only figures that passed the anonymity gate enter; every reason is returned
 * with its points and numbers, and the score is nothing but their sum.
 *
 * The ranked list of all units is kept under a key made of every input (the waves as summarised
 * with their k, the versions of the unit tree, of the signals and of the releases, the
 * organisation's k), read per request: in process memory, and in the database, where it is
 * computed when an input changes (precomputeAttentionList), so that the first request after a
 * change reads it. A list is only used under the key of the inputs read by the request: one
 * computed from older inputs is never shown. A manager's list is that list within their subtree.
 */
export async function attentionList(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	options: { today?: string } = {}
): Promise<AttentionList> {
	return readingReleased(() => readAttentionList(db, actor, organisationId, options));
}

/** What the list is computed from, read at the start of a request or a precomputation. */
interface AttentionInputs {
	k: number;
	waves: ClosedWave[];
	versions: InputVersions;
	/** The key of these inputs with a given releases version (months released while computing change it). */
	keyOf: (releases: string) => string;
}

function attentionInputs(
	organisation: { min_group_size: number },
	closed: readonly ClosedWave[],
	versions: InputVersions
): AttentionInputs {
	const k = organisation.min_group_size;
	const waves = attentionWaves(closed);
	const keyOf = (releases: string) =>
		[
			...waves.map((w) => waveKey(w, versions)),
			// Months of signals not released yet are planned on the tree of now.
			`units ${versions.units}`,
			`signals ${versions.signals}`,
			`releases ${releases}`,
			`k ${k}`
		].join('#');
	return { k, waves, versions, keyOf };
}

/**
 * Computes the list of all units. With `record`, months of signals shown for the first time are
 * released here (as any reader does); without, nothing is written and they are returned
 * (`unreleased`) for the reader that shows the list to release first.
 */
async function computeAttention(
	db: Kysely<Database>,
	organisationId: string,
	{ k, waves, versions }: AttentionInputs,
	today: string,
	record: boolean
): Promise<{ snapshot: StoredAttention; releasedAs: string | null; unreleased: string[] }> {
	const inputs = new RequestInputs(db, organisationId, versions);
	// The signals are read while the waves are planned.
	const signals = readSignalWindow(db, organisationId, ATTENTION_MONTHS, RATE_FIGURES);
	signals.catch(() => {});
	const [{ units }, results] = await Promise.all([inputs.units(), waveResultsOf(inputs, waves)]);
	const visible = flattenTree(units);
	const findings = new Map<string, Finding[]>();
	const add = (unitId: string, found: readonly Finding[]) => {
		if (!found.length) return;
		const list = findings.get(unitId);
		if (list) list.push(...found);
		else findings.set(unitId, [...found]);
	};
	const dimensionNames = surveyFindings(visible, waves, results, add);
	const window = await signals;
	const plans = await signalPlans(db, organisationId, k, units, window, today, { record });
	const month = signalFindings(window, plans, visible, add);
	const byId = new Map(units.map((u) => [u.id, u]));
	// Two units called "Nachtdienst" are told apart by their parent (or code).
	const names = distinctNames(units);
	const items = rankUnits([...findings].map(([unitId, found]) => ({ unitId, findings: found }))).map(
		(entry) => ({
			unitId: entry.unitId,
			name: names.get(entry.unitId) ?? '',
			code: byId.get(entry.unitId)?.code ?? '',
			score: entry.score,
			reasons: entry.reasons.map((r) => ({
				points: r.points,
				persistent: r.persistent,
				target: r.finding.kind === 'rate' ? r.finding.indicator : r.finding.dimension,
				message: r.message
			}))
		})
	);
	return {
		snapshot: {
			units: units.map((u) => ({ id: u.id, parentId: u.parentId })),
			month,
			dimensionNames,
			items
		},
		releasedAs: plans.releasedAs,
		unreleased: plans.unreleased
	};
}

/** A list shared by every request under its key: frozen, so that no caller changes it for the next. */
function frozen(snapshot: StoredAttention): AttentionSnapshot {
	return {
		units: Object.freeze(snapshot.units),
		month: snapshot.month,
		dimensionNames: Object.freeze(snapshot.dimensionNames),
		items: freezeEach(snapshot.items)
	};
}

/** The stored list, logged and left alone when storing fails: the next reader computes it again. */
async function storeQuietly(
	db: Kysely<Database>,
	organisationId: string,
	inputKey: string,
	snapshot: StoredAttention,
	unreleased: readonly string[]
): Promise<void> {
	try {
		await storeAttention(db, organisationId, inputKey, snapshot, unreleased);
	} catch (e) {
		console.error('The attention list could not be stored', e);
	}
}

async function readAttentionList(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	options: { today?: string }
): Promise<AttentionList> {
	const membership = authorize(actor, 'analytics.view', { organisationId });
	const today = options.today ?? todayInBelgium();
	const [closed, organisation, versions] = await Promise.all([
		ensureWaveSummaries(db, organisationId, today),
		findOrganisation(db, organisationId),
		readInputVersions(db, organisationId)
	]);
	if (!organisation) error(404, 'error.notFound');
	const inputs = attentionInputs(organisation, closed, versions);
	const { keyOf, waves } = inputs;
	const kept = (releases: string) => `${organisationId}#${keyOf(releases)}`;

	let releasedAs: string | null = null;
	const snapshot = await attentions.get(kept(versions.releases), async () => {
		const inputKey = keyOf(versions.releases);
		const stored = await findStoredAttention(db, organisationId, inputKey);
		if (stored) {
			const { result, unreleased } = stored;
			if (unreleased.length === 0) return frozen(result);
			// Computed ahead of any reader: its new months are released before anything is shown.
			if (await releaseStoredMonths(db, organisationId, inputs.k, result.units, unreleased, today)) {
				releasedAs = (await readInputVersions(db, organisationId)).releases;
				await moveStoredAttention(db, organisationId, inputKey, keyOf(releasedAs)).catch((e) =>
					console.error('The attention list could not be stored', e)
				);
				return frozen(result);
			}
		}
		const computed = await computeAttention(db, organisationId, inputs, today, true);
		releasedAs = computed.releasedAs;
		await storeQuietly(db, organisationId, keyOf(releasedAs ?? versions.releases), computed.snapshot, []);
		return frozen(computed.snapshot);
	});

	// Months released by this request changed the releases version; the snapshot holds them.
	if (releasedAs !== null) void attentions.get(kept(releasedAs), async () => snapshot);
	// The waves the reasons compare are shown through them: final from now on.
	await releaseWaves(db, organisationId, waves, today, (ws) => closedWaveResults(db, organisationId, ws));
	// Ranks are a total order (rankUnits breaks ties by unit id), so the ranking of a subtree is
	// the ranking of all units with the others left out.
	const scope = scopeOf(membership, snapshot.units);
	const latest = closed[0];
	return {
		wave: latest ? { id: latest.id, name: latest.name, closesOn: latest.closes_on } : null,
		month: snapshot.month,
		dimensionNames: snapshot.dimensionNames,
		items: snapshot.items
			.filter((item) => scope.has(item.unitId))
			.map((item, i) => ({ rank: i + 1, ...item }))
	};
}

/**
 * Computes the organisation's attention list for its inputs as they are now and stores it, unless
 * it is stored already: run after a change to an input commits (refreshAttentionList), so that the
 * next request reads it instead of computing it. It writes nothing else: a wave closed by its date
 * but not summarised yet is left to the next reader (who summarises it, which makes a new key), and
 * months of signals it plans are released by the first reader that shows them.
 */
export async function precomputeAttentionList(
	db: Kysely<Database>,
	organisationId: string,
	options: { today?: string } = {}
): Promise<'stored' | 'kept' | 'skipped'> {
	const today = options.today ?? todayInBelgium();
	const [closed, organisation, versions] = await Promise.all([
		findClosedWaves(db, organisationId, today),
		findOrganisation(db, organisationId),
		readInputVersions(db, organisationId)
	]);
	if (!organisation || closed.some((w) => w.summarised_at === null)) return 'skipped';
	const inputs = attentionInputs(organisation, closed, versions);
	const inputKey = inputs.keyOf(versions.releases);
	if (await findStoredAttention(db, organisationId, inputKey)) return 'kept';
	const { snapshot, unreleased } = await computeAttention(db, organisationId, inputs, today, false);
	await storeAttention(db, organisationId, inputKey, snapshot, unreleased);
	return 'stored';
}

/** Precomputations running or waiting, per organisation: one at a time, the last change wins. */
const refreshing = new Map<string, { running: Promise<void>; again: boolean }>();

/**
 * Runs precomputeAttentionList for the organisation after a change to one of its inputs has
 * committed, without holding up the change: a failure is logged, and the next reader computes and
 * stores the list itself. Changes that come while one runs make it run once more afterwards.
 * The promise settles when the list is stored (or given up), and never rejects.
 */
export function refreshAttentionList(
	db: Kysely<Database>,
	organisationId: string,
	options: { today?: string } = {}
): Promise<void> {
	const current = refreshing.get(organisationId);
	if (current) {
		current.again = true;
		return current.running;
	}
	const entry = { running: Promise.resolve(), again: false };
	entry.running = (async () => {
		do {
			entry.again = false;
			try {
				await precomputeAttentionList(db, organisationId, options);
			} catch (e) {
				console.error('The attention list could not be computed ahead of its readers', e);
			}
		} while (entry.again);
		refreshing.delete(organisationId);
	})();
	refreshing.set(organisationId, entry);
	return entry.running;
}

/** Settles when every precomputation started so far has finished (for tests and shutdown). */
export async function attentionRefreshesSettled(): Promise<void> {
	while (refreshing.size > 0) await Promise.all([...refreshing.values()].map((e) => e.running));
}
