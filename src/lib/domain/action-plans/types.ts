import type { IndicatorId } from '../signals/registry';
import type { Localised, RiskDomain } from '../../instruments/types';

/**
 * The vocabulary of action plans (docs/action-plans.md): a measure aims at findings of a unit (or
 * of the organisation) and records the legal risk domain, the prevention level and the level of
 * application, as the law on psychosocial risks and the Superior Health Council's advice ask.
 */
export type { RiskDomain };

/** Primary: change the work. Secondary: help people cope. Tertiary: care and return to work. */
export const PREVENTION_LEVELS = ['primary', 'secondary', 'tertiary'] as const;
export type PreventionLevel = (typeof PREVENTION_LEVELS)[number];

/** Where the measure applies: the whole organisation, a group of functions or a unit, a person. */
export const APPLICATION_LEVELS = ['organisation', 'group', 'individual'] as const;
export type ApplicationLevel = (typeof APPLICATION_LEVELS)[number];

export const MEASURE_STATUSES = ['planned', 'in-progress', 'done', 'dropped'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/**
 * What a measure aims at: barometer dimensions and work factors (ids of the instrument's
 * dimensions, e.g. 'burnout', 'workload') and signal indicators (the registry's ids).
 */
export interface MeasureTargets {
	dimensions: readonly string[];
	signals: readonly IndicatorId[];
}

/** An entry of the catalogue of measures, in the three languages of the interface. */
export interface CatalogueEntry {
	/** Stable, lower-case, hyphenated: 'workload-planning-meeting'. */
	id: string;
	title: Localised;
	/** How to go about it, in two or three sentences. */
	how: Localised;
	/** What to watch out for, in one or two sentences. */
	watchOut: Localised;
	targets: MeasureTargets;
	domain: RiskDomain;
	level: PreventionLevel;
	application: ApplicationLevel;
	/** The sources the entry draws on (facts, not text): 'HGR 9339', 'FOD WASO', 'SOBANE/Déparis', 'IDEWE zorgpad'. */
	sources: readonly string[];
}
