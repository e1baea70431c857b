import { authorize, type Actor, type Target } from '$lib/server/access';
import { evaluationOf } from '$lib/server/action-plans/evaluation';
import { perceptionOf } from '$lib/server/action-plans/perception';
import { addNote, getMeasure, updateMeasure } from '$lib/server/action-plans/service';
import { getDb } from '$lib/server/db';
import { done, formAction, readForm, readFormWithLists } from '$lib/server/forms';
import { DIMENSION_TARGETS, measureInput, unitOptions } from '../form';
import type { Actions, PageServerLoad } from './$types';

/**
 * The role's permission, asked before the measure is read; for a manager the target stands for
 * their own unit. Whether the measure itself is in reach, the service asks once it has read it.
 */
function roleTarget(actor: Actor | null, organisationId: string): Target {
	const own = actor?.memberships.find((m) => m.organisationId === organisationId)?.unitId;
	return { organisationId, unitPath: own ? [own] : [] };
}

export const load: PageServerLoad = async ({ locals, params }) => {
	authorize(locals.actor, 'measure.view', roleTarget(locals.actor, params.org));
	const db = getDb();
	const { measure, notes, flags, canEdit, canProgress, owners } = await getMeasure(
		db,
		locals.actor,
		params.org,
		params.measure
	);
	const { organisationId: _o, createdAt: _c, updatedAt: _u, ...fields } = measure;
	return {
		measure: fields,
		notes: notes.map((n) => ({
			id: n.id,
			writtenOn: n.writtenOn,
			text: n.text,
			authorName: n.authorName
		})),
		flags,
		canEdit,
		canProgress,
		owners,
		units: await unitOptions(db, locals.actor, params.org),
		evaluation: await evaluationOf(db, locals.actor, params.org, params.measure),
		perception: await perceptionOf(db, locals.actor, params.org, params.measure),
		dimensions: DIMENSION_TARGETS
	};
};

export const actions: Actions = {
	/** Every field (advisors and HR). An unticked box sends nothing: it means no follow-up. */
	edit: async ({ request, locals, params }) => {
		const { fields, lists } = await readFormWithLists(request, ['target']);
		const targets = lists.target!;
		const input = measureInput({ followUp: 'false', ...fields }, targets);
		const result = await formAction({ ...fields, target: targets.join(','), form: 'edit' }, () =>
			updateMeasure(getDb(), locals.actor, params.org, params.measure, input)
		);
		return result && 'id' in result ? done('measure.saved') : result;
	},
	/** The status and the reason for dropping it (also a manager of the measure's unit). */
	progress: async ({ request, locals, params }) => {
		authorize(locals.actor, 'measure.progress', roleTarget(locals.actor, params.org));
		const fields = await readForm(request);
		const input = { status: fields.status ?? '', droppedReason: fields.droppedReason ?? '' };
		const result = await formAction({ ...input, form: 'progress' }, () =>
			updateMeasure(getDb(), locals.actor, params.org, params.measure, input)
		);
		return result && 'id' in result ? done('measure.saved') : result;
	},
	note: async ({ request, locals, params }) => {
		authorize(locals.actor, 'measure.progress', roleTarget(locals.actor, params.org));
		const fields = await readForm(request);
		const input = { text: fields.text ?? '', writtenOn: fields.writtenOn ?? '' };
		const result = await formAction({ ...input, form: 'note' }, () =>
			addNote(getDb(), locals.actor, params.org, params.measure, input)
		);
		return result && 'id' in result ? done('measure.noteAdded') : result;
	}
};
