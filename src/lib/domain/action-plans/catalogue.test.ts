import { describe, expect, it } from 'vitest';
import { BAROMETER, dimensionsOf, RISK_DOMAINS } from '../../instruments';
import { INDICATORS } from '../signals/registry';
import { CATALOGUE, CATALOGUE_SOURCES } from './catalogue';
import { APPLICATION_LEVELS, PREVENTION_LEVELS, type CatalogueEntry } from './types';

const LANGUAGES = ['nl', 'fr', 'en'] as const;
const TEXTS = ['title', 'how', 'watchOut'] as const;

/** The built-in instrument with its work-factor module: the ids a measure may aim at. */
const DIMENSIONS = dimensionsOf(BAROMETER, true);
const BAROMETER_DIMENSIONS = BAROMETER.dimensions.map((d) => d.id);
const WORK_FACTORS = (BAROMETER.module?.dimensions ?? []).map((d) => d.id);

const allTexts = (entry: CatalogueEntry) =>
	TEXTS.flatMap((field) => LANGUAGES.map((language) => entry[field][language]));

/** Sentences end with a full stop, a question mark or an exclamation mark followed by a space or the end. */
const sentences = (text: string) => text.split(/[.!?](?:\s+|$)/).filter((s) => s.trim() !== '').length;

const share = (predicate: (entry: CatalogueEntry) => boolean) =>
	CATALOGUE.filter(predicate).length / CATALOGUE.length;

describe('the catalogue of measures', () => {
	it('has at least 44 entries with unique, lower-case hyphenated ids', () => {
		expect(CATALOGUE.length).toBeGreaterThanOrEqual(44);
		const ids = CATALOGUE.map((entry) => entry.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
	});

	it('checks the modules of the built-in instrument, so the work factors are there to aim at', () => {
		expect(BAROMETER_DIMENSIONS).toHaveLength(9);
		expect(WORK_FACTORS).toHaveLength(10);
	});

	describe.each(CATALOGUE.map((entry) => [entry.id, entry] as const))('%s', (_id, entry) => {
		it.each(TEXTS.flatMap((field) => LANGUAGES.map((language) => [field, language] as const)))(
			'has a %s in %s',
			(field, language) => {
				expect(entry[field][language].trim()).not.toBe('');
				expect(entry[field][language]).toBe(entry[field][language].trim());
				// Typographic apostrophes, as in the barometer's wording.
				expect(entry[field][language]).not.toContain("'");
			}
		);

		it.each(TEXTS)('has a %s translated into each language (no two languages alike)', (field) => {
			const { nl, fr, en } = entry[field];
			expect(new Set([nl, fr, en]).size).toBe(3);
		});

		it.each(LANGUAGES)(
			'says how in two or three sentences and what to watch out for in one or two (%s)',
			(language) => {
				expect(sentences(entry.how[language])).toBeGreaterThanOrEqual(2);
				expect(sentences(entry.how[language])).toBeLessThanOrEqual(3);
				expect(sentences(entry.watchOut[language])).toBeGreaterThanOrEqual(1);
				expect(sentences(entry.watchOut[language])).toBeLessThanOrEqual(2);
			}
		);

		it('aims at known dimensions and indicators, at least one', () => {
			const { dimensions, signals } = entry.targets;
			expect(dimensions.length + signals.length).toBeGreaterThan(0);
			for (const id of dimensions) expect(DIMENSIONS.map((d) => d.id)).toContain(id);
			for (const id of signals) expect(INDICATORS).toContain(id);
			expect(new Set(dimensions).size).toBe(dimensions.length);
			expect(new Set(signals).size).toBe(signals.length);
		});

		it('has a known domain, prevention level, application level and sources', () => {
			expect(RISK_DOMAINS).toContain(entry.domain);
			expect(PREVENTION_LEVELS).toContain(entry.level);
			expect(APPLICATION_LEVELS).toContain(entry.application);
			expect(entry.sources.length).toBeGreaterThan(0);
			for (const source of entry.sources) expect(CATALOGUE_SOURCES).toContain(source);
		});

		it('never speaks of diagnosis, and frames the work, not the person’s character', () => {
			for (const text of allTexts(entry)) {
				expect(text).not.toMatch(/diagnos/i);
				expect(text).not.toMatch(/persoonlijkheid|personnalité|personality|karakter|caractère|character/i);
			}
		});

		it.each([
			['nl', /bedrijfsarts|\bmanagers?\b/i],
			['fr', /médecin d['’]entreprise|\bmanagers?\b/i],
			['en', /company doctor/i]
		] as const)('uses the Belgian words for the roles in %s', (language, avoided) => {
			for (const field of TEXTS) expect(entry[field][language]).not.toMatch(avoided);
		});
	});
});

describe('the balance of the catalogue', () => {
	it('is at least 60% primary measures for an organisation or a group, as the HGR advises', () => {
		expect(share((e) => e.level === 'primary' && e.application !== 'individual')).toBeGreaterThanOrEqual(0.6);
	});

	it.each(RISK_DOMAINS)('has at least 4 entries in the domain %s', (domain) => {
		expect(CATALOGUE.filter((e) => e.domain === domain).length).toBeGreaterThanOrEqual(4);
	});

	it.each([...BAROMETER_DIMENSIONS, ...WORK_FACTORS])('aims at %s with at least 2 entries', (id) => {
		expect(CATALOGUE.filter((e) => e.targets.dimensions.includes(id)).length).toBeGreaterThanOrEqual(2);
	});

	it.each(INDICATORS)('aims at the signal %s with at least 1 entry', (id) => {
		expect(CATALOGUE.filter((e) => e.targets.signals.includes(id)).length).toBeGreaterThanOrEqual(1);
	});

	it.each(PREVENTION_LEVELS)('has %s measures', (level) => {
		expect(CATALOGUE.some((e) => e.level === level)).toBe(true);
	});

	it.each([
		['coping-skills-training', 'secondary', 'group'],
		['peer-support-network', 'secondary', 'group'],
		['reboost-individual', 'secondary', 'individual'],
		['reboost-team', 'secondary', 'group'],
		['reload-trajectory', 'secondary', 'individual'],
		['reconnect-trajectory', 'tertiary', 'individual'],
		['return-to-work-plan', 'tertiary', 'individual'],
		['reintegration-trajectory', 'tertiary', 'individual']
	] as const)('offers the care pathway step %s as a %s measure for the %s', (id, level, application) => {
		expect(CATALOGUE.find((e) => e.id === id)).toMatchObject({ level, application });
	});

	it('names the Belgian roles in each language somewhere in the catalogue', () => {
		const all = (language: (typeof LANGUAGES)[number]) =>
			CATALOGUE.flatMap((e) => TEXTS.map((field) => e[field][language])).join(' ');
		for (const term of [
			'leidinggevende',
			'preventieadviseur psychosociale aspecten',
			'arbeidsarts',
			'werkoverleg'
		])
			expect(all('nl')).toContain(term);
		for (const term of ['conseiller en prévention aspects psychosociaux', 'médecin du travail'])
			expect(all('fr')).toContain(term);
		for (const term of ['prevention advisor for psychosocial aspects', 'occupational physician'])
			expect(all('en')).toContain(term);
	});
});
