import { redirect } from '@sveltejs/kit';
import { authorize } from '$lib/server/access';
import { catalogueEntryToUse, suggestFromCatalogue } from '$lib/server/action-plans/catalogue';
import { createMeasure, ownerChoices } from '$lib/server/action-plans/service';
import { getDb } from '$lib/server/db';
import { formAction, readFormWithLists } from '$lib/server/forms';
import { DIMENSION_TARGETS, measureInput, targetsOf, unitOptions } from '../form';
import type { Actions, PageServerLoad } from './$types';

/** How many catalogue suggestions the form shows. */
const SUGGESTIONS = 8;

/** Fields a link or the "show suggestions" button may carry, to fill the form again. */
const PREFILL = [
	'title',
	'domain',
	'preventionLevel',
	'applicationLevel',
	'ownerUserId',
	'ownerRole',
	'startsOn',
	'dueOn'
];

export const load: PageServerLoad = async ({ locals, params, url }) => {
	authorize(locals.actor, 'measure.edit', { organisationId: params.org });
	const db = getDb();
	const units = await unitOptions(db, locals.actor, params.org);
	// `unit` from a link; `unitId` when the form itself asked for suggestions.
	const unit = url.searchParams.get('unit') ?? url.searchParams.get('unitId') ?? '';
	const targets = [...new Set(url.searchParams.getAll('target'))];
	// The organisation's catalogue: built-in entries it does not hide and its own entries in use.
	const suggested = await suggestFromCatalogue(db, locals.actor, params.org, targetsOf(targets));
	const suggestions = suggested.entries
		.slice(0, SUGGESTIONS)
		.map((entry) => ({ ...entry, own: suggested.own.has(entry.id) }));
	const values: Record<string, string> = {
		unitId: units.some((u) => u.id === unit) ? unit : '',
		target: targets.join(',')
	};
	for (const name of PREFILL) {
		const value = url.searchParams.get(name);
		if (value !== null) values[name] = value;
	}
	const from = (await catalogueEntryToUse(db, locals.actor, params.org, url.searchParams.get('from')))?.entry;
	if (from) {
		values.title = from.title[locals.locale];
		values.domain = from.domain;
		values.preventionLevel = from.level;
		values.applicationLevel = from.application;
		values.description = from.how[locals.locale];
	}
	return {
		units,
		owners: await ownerChoices(db, locals.actor, params.org),
		dimensions: DIMENSION_TARGETS,
		suggestions,
		values,
		from: from ? { id: from.id, title: from.title } : null
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const { fields, lists } = await readFormWithLists(request, ['target']);
		const targets = lists.target!;
		const result = await formAction({ ...fields, target: targets.join(',') }, () =>
			createMeasure(getDb(), locals.actor, params.org, measureInput(fields, targets))
		);
		if (result && 'id' in result) redirect(303, `/o/${params.org}/measures/${result.id}`);
		return result;
	}
};
