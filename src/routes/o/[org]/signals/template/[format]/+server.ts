import { error } from '@sveltejs/kit';
import { spreadsheetCsv } from '$lib/domain/csv-export';
import { isLocale } from '$lib/i18n';
import { SIGNALS_FORMATS, signalsTemplate, type SignalsFormat } from '$lib/domain/signals';
import { getDb } from '$lib/server/db';
import { signalsOverview } from '$lib/server/signals/service';
import { fileResponse } from '$lib/server/file-response';
import type { RequestHandler } from './$types';

const FILE_NAMES: Record<SignalsFormat, string> = {
	monthly: 'signals-monthly',
	spells: 'signals-absence-spells',
	staffing: 'signals-staffing'
};

/** A template for one of the upload formats, headers in the chosen language (the user's by default). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	await signalsOverview(getDb(), locals.actor, params.org);
	const format = params.format as SignalsFormat;
	if (!SIGNALS_FORMATS.includes(format)) error(404, 'error.notFound');
	const lang = url.searchParams.get('lang');
	const language = isLocale(lang) ? lang : locals.locale;
	const { header, rows } = signalsTemplate(format, language);
	return fileResponse(spreadsheetCsv(header, rows), `${FILE_NAMES[format]}-${language}.csv`);
};
