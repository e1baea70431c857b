import { describe, expect, it } from 'vitest';
import { BAROMETER } from './barometer';
import { INSTRUMENT_PROBLEM_KEYS, MAX_INSTRUMENT_ITEMS, validateInstrument } from './schema';
import type { InstrumentDefinition } from './types';

/** A mutable deep copy of the barometer, typed loosely so tests can break it in any way. */
type Loose = Record<string, unknown> & InstrumentDefinition;
const copy = (): Loose => structuredClone(BAROMETER) as Loose;
const loose = (value: unknown) => value as Record<string, unknown>;

describe('validateInstrument', () => {
	it('accepts the barometer with its module', () => {
		expect(validateInstrument(BAROMETER)).toEqual({ ok: true, value: BAROMETER });
	});

	it('accepts the barometer without its module', () => {
		const definition = copy();
		delete definition.module;
		const result = validateInstrument(definition);
		expect(result).toEqual({ ok: true, value: definition });
		if (result.ok) expect(result.value).not.toHaveProperty('module');
	});

	it('treats a null module as no module', () => {
		const result = validateInstrument({ ...copy(), module: null });
		expect(result.ok).toBe(true);
		if (result.ok) expect(result.value).not.toHaveProperty('module');
	});

	it('survives a JSON round trip unchanged', () => {
		const stored: unknown = JSON.parse(JSON.stringify(BAROMETER));
		expect(validateInstrument(stored)).toEqual({ ok: true, value: BAROMETER });
	});

	it('ignores unknown properties and returns only known fields', () => {
		const definition = copy();
		const extended = {
			...definition,
			author: 'someone',
			dimensions: definition.dimensions.map((d) => ({ ...d, colour: 'pink' })),
			items: definition.items.map((item) => ({ ...item, text: { ...item.text, de: 'Deutsch' } })),
			scale: { ...definition.scale, anchor: true },
			module: { ...definition.module, extra: 1 }
		};
		expect(validateInstrument(extended)).toEqual({ ok: true, value: BAROMETER });
	});

	it('returns a fresh copy, not the input', () => {
		const definition = copy();
		const result = validateInstrument(definition);
		expect(result.ok).toBe(true);
		if (result.ok) {
			expect(result.value).not.toBe(definition);
			expect(result.value.items[0]).not.toBe(definition.items[0]);
		}
	});

	it('accepts a definition stored before short names existed, and keeps them where given', () => {
		const stored = copy();
		for (const d of stored.dimensions) delete loose(d).shortName;
		const result = validateInstrument(stored);
		expect(result.ok).toBe(true);
		if (result.ok) {
			expect(result.value.dimensions[0]).not.toHaveProperty('shortName');
			expect(result.value.module?.dimensions[0]?.shortName).toEqual(
				BAROMETER.module!.dimensions[0]!.shortName
			);
		}
	});

	it('keeps an optional domain only where it is given', () => {
		const result = validateInstrument(copy());
		expect(result.ok).toBe(true);
		if (result.ok) {
			expect(result.value.dimensions[0]).not.toHaveProperty('domain');
			expect(result.value.module?.dimensions[0]?.domain).toBe('work-organisation');
		}
	});

	it.each([
		['null', null, 'instrument.missing'],
		['a string', 'barometer', 'instrument.notObject'],
		['a list', [BAROMETER], 'instrument.notObject']
	])('refuses %s as a definition', (_name, input, key) => {
		expect(validateInstrument(input)).toEqual({ ok: false, problems: [{ path: '', key }] });
	});

	const cases: Array<[string, (d: Loose) => void, string, string]> = [
		// key and version
		['a missing key', (d) => delete loose(d).key, 'key', 'instrument.missing'],
		['a key with capitals', (d) => (d.key = 'Knipperlicht'), 'key', 'instrument.key'],
		['a one-letter key', (d) => (d.key = 'k'), 'key', 'instrument.key'],
		['a key starting with a hyphen', (d) => (d.key = '-barometer'), 'key', 'instrument.key'],
		['a key of 64 characters', (d) => (d.key = 'k'.repeat(64)), 'key', 'instrument.key'],
		['a numeric key', (d) => (loose(d).key = 42), 'key', 'instrument.key'],
		['version 0', (d) => (d.version = 0), 'version', 'instrument.version'],
		['a fractional version', (d) => (d.version = 1.5), 'version', 'instrument.version'],
		['a version as text', (d) => (loose(d).version = '1'), 'version', 'instrument.version'],
		['a missing version', (d) => delete loose(d).version, 'version', 'instrument.missing'],
		// texts
		['a missing name', (d) => delete loose(d).name, 'name', 'instrument.missing'],
		['a name that is text', (d) => (loose(d).name = 'Barometer'), 'name', 'instrument.notObject'],
		['a name without French', (d) => delete loose(d.name).fr, 'name.fr', 'instrument.notText'],
		[
			'an empty English instruction',
			(d) => (d.instruction.en = '  '),
			'instruction.en',
			'instrument.notText'
		],
		[
			'an item text without Dutch',
			(d) => delete loose(d.items[3]!.text).nl,
			'items[3].text.nl',
			'instrument.notText'
		],
		[
			'an item text in French that is a number',
			(d) => (loose(d.items[3]!.text).fr = 3),
			'items[3].text.fr',
			'instrument.notText'
		],
		[
			'an overlong description',
			(d) => (d.dimensions[1]!.description.nl = 'x'.repeat(1001)),
			'dimensions[1].description.nl',
			'instrument.tooLong'
		],
		[
			'a module item without English',
			(d) => (d.module!.items[2]!.text.en = ''),
			'module.items[2].text.en',
			'instrument.notText'
		],
		['a missing module name', (d) => delete loose(d.module).name, 'module.name', 'instrument.missing'],
		['a bad module key', (d) => (d.module!.key = 'Work Factors'), 'module.key', 'instrument.key'],
		['a module that is a list', (d) => (loose(d).module = []), 'module', 'instrument.notObject'],
		// scale
		['a missing scale', (d) => delete loose(d).scale, 'scale', 'instrument.missing'],
		['a fractional scale minimum', (d) => (d.scale.min = 0.5), 'scale.min', 'instrument.scale'],
		['a scale maximum as text', (d) => (loose(d.scale).max = '5'), 'scale.max', 'instrument.scale'],
		['a missing scale maximum', (d) => delete loose(d.scale).max, 'scale.max', 'instrument.missing'],
		['min equal to max', (d) => (d.scale.min = 5), 'scale', 'instrument.scale'],
		['min above max', (d) => ((d.scale.min = 5), (d.scale.max = 1)), 'scale', 'instrument.scale'],
		['a scale of twelve values', (d) => ((d.scale.min = 0), (d.scale.max = 11)), 'scale', 'instrument.scale'],
		['one label too few', (d) => d.scale.labels.pop(), 'scale.labels', 'instrument.scale'],
		[
			'one label too many',
			(d) => d.scale.labels.push(d.scale.labels[0]!),
			'scale.labels',
			'instrument.scale'
		],
		[
			'labels that are not a list',
			(d) => (loose(d.scale).labels = 'Nooit'),
			'scale.labels',
			'instrument.notList'
		],
		[
			'a label without French',
			(d) => delete loose(d.scale.labels[2]).fr,
			'scale.labels[2].fr',
			'instrument.notText'
		],
		// scoring
		['a missing scoring rule', (d) => delete loose(d).scoring, 'scoring', 'instrument.missing'],
		['scoring by sum', (d) => (loose(d.scoring).method = 'sum'), 'scoring.method', 'instrument.scoring'],
		[
			'a zero answered share',
			(d) => (d.scoring.minAnsweredShare = 0),
			'scoring.minAnsweredShare',
			'instrument.scoring'
		],
		[
			'an answered share above 1',
			(d) => (d.scoring.minAnsweredShare = 1.5),
			'scoring.minAnsweredShare',
			'instrument.scoring'
		],
		[
			'an answered share as text',
			(d) => (loose(d.scoring).minAnsweredShare = '0.5'),
			'scoring.minAnsweredShare',
			'instrument.scoring'
		],
		[
			'provisional thresholds as text',
			(d) => (loose(d).provisionalThresholds = 'yes'),
			'provisionalThresholds',
			'instrument.notBoolean'
		],
		// dimensions
		['dimensions that are not a list', (d) => (loose(d).dimensions = {}), 'dimensions', 'instrument.notList'],
		[
			'a dimension that is text',
			(d) => (loose(d.dimensions)[2] = 'stress'),
			'dimensions[2]',
			'instrument.notObject'
		],
		[
			'a dimension id with a space',
			(d) => (d.dimensions[1]!.id = 'stress complaints'),
			'dimensions[1].id',
			'instrument.id'
		],
		[
			'a duplicate dimension id',
			(d) => (d.dimensions[2]!.id = 'stress'),
			'dimensions[2].id',
			'instrument.duplicateId'
		],
		[
			'a module dimension id taken by the barometer',
			(d) => (d.module!.dimensions[0]!.id = 'stress'),
			'module.dimensions[0].id',
			'instrument.duplicateId'
		],
		[
			'a dimension without items',
			(d) => (d.items = d.items.filter((i) => i.dimension !== 'conflict')),
			'dimensions[6]',
			'instrument.emptyDimension'
		],
		[
			'a sensitive flag as text',
			(d) => (loose(d.dimensions[7]).sensitive = 'true'),
			'dimensions[7].sensitive',
			'instrument.notBoolean'
		],
		[
			'a short name missing a language',
			(d) => (loose(d.dimensions[1]).shortName = { nl: 'Stress', fr: 'Stress' }),
			'dimensions[1].shortName.en',
			'instrument.notText'
		],
		[
			'a short name too long for a column',
			(d) => (loose(d.dimensions[1]).shortName = { nl: 'x'.repeat(25), fr: 'Stress', en: 'Stress' }),
			'dimensions[1].shortName.nl',
			'instrument.tooLong'
		],
		[
			'an unknown risk domain',
			(d) => (loose(d.module!.dimensions[0]).domain = 'workload'),
			'module.dimensions[0].domain',
			'instrument.domain'
		],
		// bands
		[
			'missing bands',
			(d) => delete loose(d.dimensions[0]).bands,
			'dimensions[0].bands',
			'instrument.missing'
		],
		[
			'an unknown risk direction',
			(d) => (loose(d.dimensions[0]!.bands).riskWhen = 'up'),
			'dimensions[0].bands.riskWhen',
			'instrument.bands'
		],
		[
			'orange below 0',
			(d) => (d.dimensions[1]!.bands.orange = -1),
			'dimensions[1].bands.orange',
			'instrument.bands'
		],
		[
			'red above 100',
			(d) => (d.dimensions[1]!.bands.red = 101),
			'dimensions[1].bands.red',
			'instrument.bands'
		],
		[
			'a threshold as text',
			(d) => (loose(d.dimensions[1]!.bands).red = '80'),
			'dimensions[1].bands.red',
			'instrument.bands'
		],
		[
			'a missing threshold',
			(d) => delete loose(d.dimensions[1]!.bands).orange,
			'dimensions[1].bands.orange',
			'instrument.missing'
		],
		[
			'risk-high with orange above red',
			(d) => (d.dimensions[1]!.bands.orange = 90),
			'dimensions[1].bands',
			'instrument.bands'
		],
		[
			'risk-high with orange equal to red',
			(d) => (d.dimensions[1]!.bands.orange = 80),
			'dimensions[1].bands',
			'instrument.bands'
		],
		[
			'risk-low with orange below red',
			(d) => (d.dimensions[0]!.bands.orange = 10),
			'dimensions[0].bands',
			'instrument.bands'
		],
		[
			'risk-low read as risk-high',
			(d) => (d.dimensions[0]!.bands.riskWhen = 'high'),
			'dimensions[0].bands',
			'instrument.bands'
		],
		// items
		['items that are null', (d) => (loose(d).items = null), 'items', 'instrument.missing'],
		['no items', (d) => ((d.items = []), (d.dimensions = [])), 'items', 'instrument.noItems'],
		[
			'no module items',
			(d) => ((d.module!.items = []), (d.module!.dimensions = [])),
			'module.items',
			'instrument.noItems'
		],
		['an item that is a number', (d) => (loose(d.items)[4] = 4), 'items[4]', 'instrument.notObject'],
		['an item without id', (d) => delete loose(d.items[5]).id, 'items[5].id', 'instrument.missing'],
		[
			'an item id that is not a form-safe name',
			(d) => (d.items[5]!.id = 'q 5"'),
			'items[5].id',
			'instrument.id'
		],
		[
			'a duplicate item id',
			(d) => (d.items[5]!.id = d.items[0]!.id),
			'items[5].id',
			'instrument.duplicateId'
		],
		[
			'a module item id taken by the barometer',
			(d) => (d.module!.items[1]!.id = 'stress-tense'),
			'module.items[1].id',
			'instrument.duplicateId'
		],
		[
			'an item of a missing dimension',
			(d) => (d.items[3]!.dimension = 'fatigue'),
			'items[3].dimension',
			'instrument.unknownDimension'
		],
		[
			'a module item of a barometer dimension',
			(d) => (d.module!.items[0]!.dimension = 'stress'),
			'module.items[0].dimension',
			'instrument.unknownDimension'
		],
		[
			'a reverse flag as a number',
			(d) => (loose(d.items[2]).reverse = 1),
			'items[2].reverse',
			'instrument.notBoolean'
		],
		// size
		[
			'more than the maximum number of items',
			(d) =>
				(d.items = Array.from({ length: MAX_INSTRUMENT_ITEMS }, (_, i) => ({ ...d.items[0]!, id: `x${i}` }))),
			'items',
			'instrument.tooLarge'
		]
	];

	it.each(cases)('refuses %s', (_name, mutate, path, key) => {
		const definition = copy();
		mutate(definition);
		const result = validateInstrument(definition);
		expect(result.ok).toBe(false);
		// Exactly one problem: a broken field must not drag follow-on problems along.
		if (!result.ok)
			expect(result.problems.map((p) => ({ path: p.path, key: p.key }))).toEqual([{ path, key }]);
	});

	it('names the offending id in its params', () => {
		const definition = copy();
		definition.items[3]!.dimension = 'fatigue';
		definition.items[5]!.id = definition.items[0]!.id;
		const result = validateInstrument(definition);
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.problems).toEqual([
				{ path: 'items[3].dimension', key: 'instrument.unknownDimension', params: { dimension: 'fatigue' } },
				{ path: 'items[5].id', key: 'instrument.duplicateId', params: { id: 'engagement-energy' } }
			]);
	});

	it('reports every problem, not only the first', () => {
		const definition = copy();
		definition.key = 'Bad Key';
		definition.version = -1;
		definition.items[0]!.text.fr = '';
		const result = validateInstrument(definition);
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.problems.map((p) => p.path)).toEqual(['key', 'version', 'items[0].text.fr']);
	});

	it('lists every key it uses, and every listed key is exercised above', () => {
		const used = new Set(cases.map(([, , , key]) => key));
		for (const key of used) expect(INSTRUMENT_PROBLEM_KEYS).toContain(key);
		for (const key of INSTRUMENT_PROBLEM_KEYS) expect(used).toContain(key);
	});
});
