import { describe, expect, it } from 'vitest';
import { BAROMETER } from './barometer';
import { BUILT_IN_INSTRUMENTS, dimensionsOf, findBuiltIn, itemsOf, shortNameOf } from './index';
import { MAX_SHORT_NAME_LENGTH } from './schema';
import { RISK_DOMAINS } from './types';

const count = (items: { dimension: string }[], dimension: string) =>
	items.filter((item) => item.dimension === dimension).length;

describe('BAROMETER', () => {
	it('has 20 items and provisional thresholds', () => {
		expect(BAROMETER.key).toBe('knipperlicht-barometer');
		expect(BAROMETER.version).toBe(1);
		expect(BAROMETER.items).toHaveLength(20);
		expect(BAROMETER.provisionalThresholds).toBe(true);
		expect(BAROMETER.scoring).toEqual({ method: 'mean', minAnsweredShare: 0.5 });
	});

	it.each([
		['engagement', 3, 'low'],
		['stress', 2, 'high'],
		['overstrain', 2, 'high'],
		['burnout', 4, 'high'],
		['depression', 2, 'high'],
		['anxiety', 2, 'high'],
		['conflict', 2, 'high'],
		['unwanted-behaviour', 1, 'high'],
		['coping', 2, 'low']
	])('dimension %s has %i items and risk when %s', (id, items, riskWhen) => {
		const dimension = BAROMETER.dimensions.find((d) => d.id === id);
		expect(dimension?.bands.riskWhen).toBe(riskWhen);
		expect(count(BAROMETER.items, id)).toBe(items);
	});

	it('lists the dimensions in display order', () => {
		expect(BAROMETER.dimensions.map((d) => d.id)).toEqual([
			'engagement',
			'stress',
			'overstrain',
			'burnout',
			'depression',
			'anxiety',
			'conflict',
			'unwanted-behaviour',
			'coping'
		]);
	});

	it('marks only unwanted behaviour as sensitive', () => {
		const sensitive = dimensionsOf(BAROMETER, true).filter((d) => d.sensitive);
		expect(sensitive.map((d) => d.id)).toEqual(['unwanted-behaviour']);
	});

	it('scores coping with one active item and one reversed avoidant item', () => {
		const coping = BAROMETER.items.filter((item) => item.dimension === 'coping');
		expect(coping.map((item) => [item.id, item.reverse])).toEqual([
			['coping-active', false],
			['coping-avoidant', true]
		]);
	});

	it('uses a five-point frequency scale', () => {
		expect(BAROMETER.scale.min).toBe(1);
		expect(BAROMETER.scale.max).toBe(5);
		expect(BAROMETER.scale.labels.map((label) => label.nl)).toEqual([
			'Nooit',
			'Zelden',
			'Soms',
			'Vaak',
			'Altijd'
		]);
		expect(BAROMETER.scale.labels.map((label) => label.fr)).toEqual([
			'Jamais',
			'Rarement',
			'Parfois',
			'Souvent',
			'Toujours'
		]);
		expect(BAROMETER.scale.labels.map((label) => label.en)).toEqual([
			'Never',
			'Rarely',
			'Sometimes',
			'Often',
			'Always'
		]);
	});

	it('has a distinct text in every language for every item', () => {
		const items = itemsOf(BAROMETER, true);
		for (const language of ['nl', 'fr', 'en'] as const) {
			const texts = items.map((item) => item.text[language]);
			expect(new Set(texts).size).toBe(texts.length);
		}
	});

	it('never frames a description as a diagnosis', () => {
		for (const dimension of dimensionsOf(BAROMETER, true)) {
			expect(dimension.description.nl).not.toMatch(/\b(je hebt|u hebt) (een )?(burn-out|depressie)/i);
			expect(dimension.description.en).not.toMatch(/\byou (have|are) (a )?(burn-out|burnout|depress)/i);
		}
	});

	it('has the work-factors module of ten dimensions, each in a legal risk domain', () => {
		const module = BAROMETER.module!;
		expect(module.key).toBe('work-factors');
		expect(module.name).toEqual({ nl: 'Werkfactoren', fr: 'Facteurs de travail', en: 'Work factors' });
		expect(module.dimensions.map((d) => [d.id, d.bands.riskWhen, d.domain])).toEqual([
			['workload', 'high', 'work-organisation'],
			['emotional-load', 'high', 'job-content'],
			['role-clarity', 'low', 'work-organisation'],
			['autonomy', 'low', 'job-content'],
			['support-colleagues', 'low', 'interpersonal-relations'],
			['support-manager', 'low', 'interpersonal-relations'],
			['recognition', 'low', 'terms-of-employment'],
			['participation', 'low', 'work-organisation'],
			['development', 'low', 'terms-of-employment'],
			['work-private-balance', 'high', 'work-organisation']
		]);
		for (const dimension of module.dimensions) {
			expect(RISK_DOMAINS).toContain(dimension.domain);
			expect(count(module.items, dimension.id)).toBeGreaterThanOrEqual(1);
			expect(count(module.items, dimension.id)).toBeLessThanOrEqual(2);
		}
	});

	it('is frozen', () => {
		expect(Object.isFrozen(BAROMETER)).toBe(true);
		expect(Object.isFrozen(BAROMETER.items[0]!.text)).toBe(true);
		expect(Object.isFrozen(BAROMETER.module!.dimensions[0]!.bands)).toBe(true);
	});
});

describe('built-in instruments', () => {
	it('finds the barometer by key and version only', () => {
		expect(BUILT_IN_INSTRUMENTS).toEqual([BAROMETER]);
		expect(findBuiltIn('knipperlicht-barometer', 1)).toBe(BAROMETER);
		expect(findBuiltIn('knipperlicht-barometer', 2)).toBeNull();
		expect(findBuiltIn('bat-12', 1)).toBeNull();
	});

	it.each([
		[false, 20, 9],
		[true, 34, 19]
	])(
		'with module %s lists %i items and %i dimensions, barometer first',
		(includeModule, items, dimensions) => {
			expect(itemsOf(BAROMETER, includeModule)).toHaveLength(items);
			expect(dimensionsOf(BAROMETER, includeModule)).toHaveLength(dimensions);
			expect(itemsOf(BAROMETER, includeModule).slice(0, 20)).toEqual(BAROMETER.items);
			expect(dimensionsOf(BAROMETER, includeModule)[0]?.id).toBe('engagement');
		}
	);

	it('ignores includeModule for a definition without module', () => {
		const { module: _module, ...plain } = BAROMETER;
		expect(itemsOf(plain, true)).toEqual(BAROMETER.items);
		expect(dimensionsOf(plain, true)).toEqual(BAROMETER.dimensions);
	});

	it('returns copies the caller may change', () => {
		const items = itemsOf(BAROMETER, false);
		items.pop();
		expect(BAROMETER.items).toHaveLength(20);
	});
});

describe('shortNameOf', () => {
	const stress = BAROMETER.dimensions.find((d) => d.id === 'stress')!;
	it('gives every dimension of the barometer a short name in each language, distinct per language', () => {
		const dimensions = dimensionsOf(BAROMETER, true);
		for (const locale of ['nl', 'fr', 'en'] as const) {
			const names = dimensions.map((d) => d.shortName?.[locale] ?? '');
			for (const name of names) expect(name.length).toBeGreaterThan(0);
			for (const name of names) expect(name.length).toBeLessThanOrEqual(MAX_SHORT_NAME_LENGTH);
			expect(new Set(names).size).toBe(dimensions.length);
		}
	});
	it.each([
		[
			'its own short name',
			{ key: 'knipperlicht-barometer' },
			{ ...stress, shortName: { nl: 'S', fr: 'S', en: 'S' } },
			'S'
		],
		[
			'the built-in one for a wave stored without it',
			{ key: 'knipperlicht-barometer' },
			{ ...stress, shortName: undefined },
			'Stress'
		],
		[
			'the full name for an own instrument',
			{ key: 'own-instrument' },
			{ ...stress, shortName: undefined },
			'Stressklachten'
		]
	])('%s', (_, definition, dimension, expected) => {
		expect(shortNameOf(definition, dimension).nl).toBe(expected);
	});
});
