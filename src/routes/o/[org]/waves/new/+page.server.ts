import { redirect } from '@sveltejs/kit';
import { createWave, waveFormOptions } from '$lib/server/barometer/waves';
import { todayInBelgium } from '$lib/server/clock';
import { getDb } from '$lib/server/db';
import { formAction, readFormWithLists } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({
	options: await waveFormOptions(getDb(), locals.actor, params.org, todayInBelgium()),
	today: todayInBelgium()
});

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const { fields, lists } = await readFormWithLists(request, ['unitIds', 'measureIds']);
		const values = { ...fields, unitIds: lists.unitIds!.join(','), measureIds: lists.measureIds!.join(',') };
		const result = await formAction(values, () =>
			createWave(
				getDb(),
				locals.actor,
				params.org,
				fields,
				lists.unitIds!,
				todayInBelgium(),
				lists.measureIds!
			)
		);
		if (typeof result === 'string') redirect(303, `/o/${params.org}/waves/${result}`);
		return result;
	}
};
