import { createReadStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
	COLUMNS,
	computeIndicators,
	detectSignalsFormat,
	rollingMonths,
	SignalsAccumulator,
	type SignalsImportOptions
} from '../src/lib/domain/signals';
import { readCsvStream } from '../src/lib/server/signals/reader';
import {
	generateSampleFiles,
	SAMPLE_EXPORTED_ON,
	SAMPLE_FILE_NAMES,
	SAMPLE_PERIOD
} from './samples/sample-files';
import { demoUnits } from './structure';
import { IMPROVING_UNITS, WORSENING_UNITS } from './waves';

const path = (format: keyof typeof SAMPLE_FILE_NAMES) =>
	fileURLToPath(new URL(`./samples/${SAMPLE_FILE_NAMES[format]}`, import.meta.url));
const unitCodes = new Map(demoUnits().map((u) => [u.code, `id-${u.code}`]));

/** Reads the files as the import does (streaming reader, format detection, the domain's accumulator). */
async function importFiles(
	formats: readonly (keyof typeof SAMPLE_FILE_NAMES)[],
	options: Partial<SignalsImportOptions> = {}
) {
	const accumulator = new SignalsAccumulator({
		knownUnitCodes: unitCodes,
		today: SAMPLE_EXPORTED_ON,
		...options
	});
	const read: { format: string; delimiter: string | null; problems: number }[] = [];
	for (const format of formats) {
		const reader = readCsvStream(createReadStream(path(format)));
		const header = await reader.readHeader();
		const match = detectSignalsFormat(header.cells);
		if (!match.ok) throw new Error(`${format}: ${JSON.stringify(match.problems)}`);
		accumulator.begin(match);
		let problems = 0;
		for await (const batch of reader) {
			for (const record of batch.records) accumulator.add(record.line, record.cells);
			problems += batch.problems.length;
		}
		read.push({ format: match.format, delimiter: reader.delimiter, problems });
	}
	return { read, result: accumulator.finish() };
}

describe('sample files for the per-person import', () => {
	const spells = readFileSync(path('spells'));
	const staffing = readFileSync(path('staffing'));

	it('are what seed/samples/generate.ts writes (run it after changing the generator)', () => {
		const generated = generateSampleFiles();
		expect(spells.toString('utf8')).toBe(generated.spells);
		expect(staffing.toString('utf8')).toBe(generated.staffing);
	});

	it('look like a Belgian Excel export, and stay small', () => {
		for (const [format, bytes] of [
			['spells', spells],
			['staffing', staffing]
		] as const) {
			expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
			const text = bytes.toString('utf8').slice(1);
			expect(text.split('\r\n')[0]).toBe(COLUMNS[format].map((c) => c.headers.nl[0]).join(';'));
			expect(text).toMatch(/;\d\d\/\d\d\/20\d\d;/);
			expect(bytes.length).toBeLessThan(300_000);
		}
		const lines = spells.toString('utf8').trimEnd().split('\r\n');
		expect(lines.length - 1).toBeGreaterThan(2000);
		// Some spells are still running at the end of the period: their end date is empty.
		expect(lines.filter((l) => l.split(';')[3] === '').length).toBeGreaterThan(10);
	});

	it('import together without a single problem, over exactly the sample period', async () => {
		const { read, result } = await importFiles(['spells', 'staffing']);
		expect(read).toEqual([
			{ format: 'spells', delimiter: ';', problems: 0 },
			{ format: 'staffing', delimiter: ';', problems: 0 }
		]);
		if (!result.ok) throw new Error(JSON.stringify([result.problems.slice(0, 5), result.unknownUnits]));
		expect(result.formats).toEqual(['spells', 'staffing']);
		expect(result.period).toEqual(SAMPLE_PERIOD);
		expect(result.figures).toHaveLength(unitCodes.size * 24);

		// The figures tell the demo's story: worsening teams are ill more often, the improving one less.
		const frequency = (codes: readonly string[], to: string) => {
			const ids = new Set(codes.map((c) => unitCodes.get(c)));
			const byMonth = new Map<string, (typeof result.figures)[number]>();
			for (const f of result.figures.filter((f) => ids.has(f.unitId))) {
				const total = byMonth.get(f.month);
				if (!total) byMonth.set(f.month, { ...f });
				else {
					total.spells! += f.spells!;
					total.headcount! += f.headcount!;
				}
			}
			const value = computeIndicators([...byMonth.values()], rollingMonths(to, 12)).frequency;
			return value.shown ? value.value : NaN;
		};
		expect(frequency(WORSENING_UNITS, '2026-10')).toBeGreaterThan(
			1.15 * frequency(WORSENING_UNITS, '2025-10')
		);
		expect(frequency(IMPROVING_UNITS, '2026-10')).toBeLessThan(frequency(IMPROVING_UNITS, '2025-10'));
	});

	it('import alone too: the spells file, and the staffing file with a period', async () => {
		const spellsOnly = await importFiles(['spells']);
		expect(spellsOnly.result.ok).toBe(true);
		const staffingOnly = await importFiles(['staffing'], { period: SAMPLE_PERIOD });
		expect(staffingOnly.result.ok).toBe(true);
	});
});
