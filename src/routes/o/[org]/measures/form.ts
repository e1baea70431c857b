import { INDICATORS, type IndicatorId } from '$lib/domain/signals/registry';
import { BAROMETER, dimensionsOf } from '$lib/instruments';
import type { Kysely } from 'kysely';
import type { Actor } from '$lib/server/access';
import type { Database } from '$lib/server/db/schema';
import { listVisibleUnits } from '$lib/server/units/service';

/**
 * What the pages of measures share on the server: the targets a measure may aim at (the
 * barometer's dimensions and work factors, and the signal indicators), the units the actor sees,
 * and how a submitted form becomes the service's input.
 */

/** The dimensions and work factors of the barometer, with their names in the three languages. */
export const DIMENSION_TARGETS = dimensionsOf(BAROMETER, true).map((d) => ({ id: d.id, name: d.name }));

const isSignal = (id: string): id is IndicatorId => (INDICATORS as readonly string[]).includes(id);

/** Targets as the form sends them (one `target` field per choice), split into dimensions and signals. */
export function targetsOf(ids: readonly string[]) {
	return { dimensions: ids.filter((id) => !isSignal(id)), signals: ids.filter(isSignal) };
}

/** The form's text fields and chosen targets, as `createMeasure` and `updateMeasure` take them. */
export function measureInput(fields: Record<string, string>, targets: readonly string[]) {
	const { target: _target, ...rest } = fields;
	return { ...rest, targets: targetsOf(targets) };
}

/** The units the actor sees, for a choice or to name a measure's unit. */
export async function unitOptions(db: Kysely<Database>, actor: Actor | null, organisationId: string) {
	const rows = await listVisibleUnits(db, actor, organisationId);
	return rows.map((r) => ({ id: r.unit.id, name: r.unit.name, code: r.unit.code, depth: r.depth }));
}
