import { error } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { checkArchive } from '../../domain/units';
import { isUuid, ValidationError } from '../../domain/validation';
import { authorize, type Actor } from '../access';
import type { Database } from '../db/schema';
import { findUnits } from './queries';

export interface ArchiveConsequences {
	unitId: string;
	name: string;
	code: string;
	/** The date the unit's valid period ends: today, or the day it began for a unit begun later. */
	validTo: string;
	/** Active manager accounts of this unit: archiving deactivates their membership. */
	managers: number;
}

/**
 * What archiving a unit will do, for the page that asks to confirm it: nothing is changed. A unit
 * that cannot be archived gets the same refusal as archiving it would.
 */
export async function archiveConsequences(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	unitId: string,
	today: string
): Promise<ArchiveConsequences> {
	authorize(actor, 'unit.edit', { organisationId });
	if (!isUuid(unitId)) error(404, 'error.notFound');
	const units = await findUnits(db, organisationId);
	const unit = units.find((u) => u.id === unitId);
	if (!unit) error(404, 'error.notFound');
	const problem = checkArchive(units, unitId);
	if (problem) throw new ValidationError({ unit: problem });
	const { managers } = await db
		.selectFrom('membership')
		.select((eb) => eb.fn.countAll<number>().as('managers'))
		.where('organisation_id', '=', organisationId)
		.where('unit_id', '=', unitId)
		.where('active', '=', true)
		.executeTakeFirstOrThrow();
	return {
		unitId,
		name: unit.name,
		code: unit.code,
		validTo: today < unit.validFrom ? unit.validFrom : today,
		managers: Number(managers)
	};
}
