import type { Kysely } from 'kysely';
import { spreadsheetCsv } from '../../domain/csv-export';
import { translate, type Locale } from '../../i18n';
import type { Actor } from '../access';
import type { Database } from '../db/schema';
import { signalsOverview, type SignalsOverview } from './unit';

/**
 * The signals view's table of units as CSV for a spreadsheet (csv-export.ts: `;`, BOM, CRLF, no
 * formulas), in the reader's language: the organisation and every unit in scope (all of them, not
 * only the levels the page shows) in tree order, each indicator over the rolling year to the last
 * month, with one decimal as on the page. A hidden figure is an empty cell with its reason in the
 * note column beside it, never a number.
 */
export async function signalsCsv(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	locale: Locale
): Promise<{ filename: string; csv: string }> {
	return signalsCsvOf(await signalsOverview(db, actor, organisationId), locale);
}

export function signalsCsvOf(signals: SignalsOverview, locale: Locale): { filename: string; csv: string } {
	const tr = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
		translate(locale, key, params);
	const last = signals.organisation.at(-1);
	const month = last?.month ?? '';
	const header = [
		tr('results.csv.code'),
		tr('results.csv.unit'),
		tr('results.csv.level'),
		...signals.indicators.flatMap((id) => [
			tr('signalsView.csv.figures', {
				indicator: tr(`indicator.${id}`),
				months: signals.rollingMonths,
				month
			}),
			tr('signalsView.csv.note', { indicator: tr(`indicator.${id}`) })
		])
	];
	// One decimal with the reader's decimal sign, as Belgian Excel reads it.
	const decimal = (value: number) =>
		(Math.round(value * 10) / 10).toLocaleString(locale === 'en' ? 'en-GB' : `${locale}-BE`, {
			useGrouping: false
		});
	const cells = (rolling: SignalsOverview['units'][number]['rolling']) =>
		signals.indicators.flatMap((id) => {
			const figure = rolling[id];
			return figure.shown
				? [decimal(figure.value), '']
				: ['', tr(`unitResults.suppressed.${figure.reason}`, { k: signals.k })];
		});
	const rows = [
		...(last ? [['', tr('results.organisation'), '', ...cells(last.rolling)]] : []),
		...signals.units.map((u) => [u.code, u.name, String(u.depth), ...cells(u.rolling)])
	];
	const filename = `${tr('signalsView.csv.filename')}${month ? `-${month}` : ''}.csv`;
	return { filename, csv: spreadsheetCsv(header, rows) };
}
