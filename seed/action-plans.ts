import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { CATALOGUE } from '../src/lib/domain/action-plans/catalogue';
import type { ManagementSupport, MeasureFields } from '../src/lib/domain/action-plans/measures';
import {
	periodOf,
	type PlanKind,
	type PlanSections,
	type PlanStatus
} from '../src/lib/domain/action-plans/plans';
import type {
	ApplicationLevel,
	CatalogueEntry,
	MeasureStatus,
	MeasureTargets
} from '../src/lib/domain/action-plans/types';
import { insertWaveMeasures } from '../src/lib/server/action-plans/perception';
import { insertPlan } from '../src/lib/server/action-plans/plan-queries';
import { insertMeasure, insertNote } from '../src/lib/server/action-plans/queries';
import type { Database } from '../src/lib/server/db/schema';
import { createRandom, hash } from './random';
import { demoWaveDates } from './waves';

/**
 * The demo action plans of Zorggroep Zonnedael (docs/action-plans.md), dated relative to `today`
 * like its waves (seed/waves.ts):
 * - last year's plan: five measures against the findings of the second past wave, carried out
 *   between it and the last closed wave, so that wave measures them again; done and evaluated;
 * - this year's plan: four measures against the findings of the last closed wave, planned or in
 *   progress, one of them past its due date and one not yet given an owner.
 * The last closed wave asked about last year's measures (the perception block): enough answers
 * to show the figures of most units, and too few in the night shift, so its figure stays hidden.
 * The committee has adopted last year's annual action plan and received this year's; a global
 * prevention plan covers both years.
 * Each measure aims at what the barometer flags in its unit (seed/waves.ts, PROFILES): the
 * emergency department's workload, the admission ward's emotional load and aggression, the
 * night shift's work-private balance. Titles are the catalogue's advice made concrete for the unit,
 * so they never repeat a catalogue title word for word.
 */

export type DemoPlan = 'last-year' | 'this-year';

export interface DemoNote {
	writtenOn: string;
	text: string;
	/** A demo account (seed/demo.ts). */
	authorEmail: string;
}

export interface DemoMeasure {
	/** Stable name within the demo, for tests and for linking to plans. */
	key: string;
	plan: DemoPlan;
	/** The catalogue entry it follows: its domain and prevention level are taken from there. */
	catalogueId: string;
	/** The unit's code; null: the organisation as a whole. */
	unitCode: string | null;
	title: string;
	targets: MeasureTargets;
	applicationLevel: ApplicationLevel;
	/** A demo account carrying the measure, or null. */
	ownerEmail: string | null;
	ownerRole: string | null;
	/** The day the measure was written down. */
	writtenOn: string;
	startsOn: string;
	dueOn: string;
	status: MeasureStatus;
	budgetEuro: number | null;
	hours: number | null;
	description: string;
	implementation: string | null;
	perception: string | null;
	managementSupport: ManagementSupport | null;
	followUp: boolean;
	notes: DemoNote[];
}

const ADVISOR = 'preventie@zonnedael.demo';
const PHYSICIAN = 'arbeidsarts@zonnedael.demo';
const HR = 'hr@zonnedael.demo';
const MANAGER = 'leiding@zonnedael.demo';

/** `days` days after a yyyy-mm-dd date (before it when negative), in UTC. */
export function addDays(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(d.getTime()))
		throw new RangeError(`Not a date: ${date}`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

function entry(id: string): CatalogueEntry {
	const found = CATALOGUE.find((e) => e.id === id);
	if (!found) throw new Error(`No catalogue entry ${id}`);
	return found;
}

/** The periods of the two plans, from the demo waves: last year's runs between the second and third past waves. */
export function demoPlanPeriods(today: string) {
	const waves = demoWaveDates(today);
	const [, before, after] = waves;
	return {
		/** The wave whose findings last year's measures answer. */
		before: before!,
		/** The last closed wave: it measures last year's measures again and asks how they were perceived. */
		after: after!,
		lastYear: { startsOn: addDays(before!.closesOn, 21), dueOn: addDays(after!.opensOn, -14) },
		thisYear: { startsOn: addDays(after!.closesOn, 21) }
	};
}

/** The demo measures. Pure and deterministic: the same `today` gives the same measures. */
export function generateDemoMeasures(today: string): DemoMeasure[] {
	const { lastYear, thisYear } = demoPlanPeriods(today);
	const s = lastYear.startsOn;
	const d = lastYear.dueOn;
	const t = thisYear.startsOn;
	return [
		{
			key: 'spo-werkverdeling',
			plan: 'last-year',
			catalogueId: 'workload-planning-meeting',
			unitCode: 'AZ-SPO',
			title: 'Werkverdeling en piekmomenten op elk werkoverleg van spoedgevallen',
			targets: { dimensions: ['workload', 'stress'], signals: [] },
			applicationLevel: 'group',
			ownerEmail: null,
			ownerRole: 'Hoofdverpleegkundige spoedgevallen',
			writtenOn: addDays(s, -10),
			startsOn: s,
			dueOn: d,
			status: 'done',
			budgetEuro: null,
			hours: 40,
			description:
				'Op elk tweewekelijks werkoverleg worden de taken van de komende weken naast de bezetting gelegd. Wat niet past, wordt uitgesteld, herverdeeld of geschrapt; de hoofdverpleegkundige noteert wie dat beslist.',
			implementation:
				'Het overleg ging elke twee weken door. Drie keer werden administratieve taken uitgesteld en de registratie van de triage werd vereenvoudigd. De bezetting op de piekmomenten in het weekend bleef ongewijzigd.',
			perception:
				'Het team vond het nuttig dat de werkverdeling besproken kon worden, maar merkte op de piekmomenten weinig verschil: er vielen te weinig taken echt weg.',
			managementSupport: 'partly',
			followUp: true,
			notes: [
				{
					writtenOn: addDays(s, 20),
					text: 'Eerste werkoverleg met de werkverdeling op de agenda. Afgesproken om de registratie van de triage te vereenvoudigen.',
					authorEmail: ADVISOR
				},
				{
					writtenOn: addDays(d, -5),
					text: 'Afgerond. Het team vraagt om ook de bezetting in het weekend te bekijken; mee te nemen in het volgende jaaractieplan.',
					authorEmail: ADVISOR
				}
			]
		},
		{
			key: 'opn-agressie',
			plan: 'last-year',
			catalogueId: 'third-party-aggression-protocol',
			unitCode: 'PC-OPN',
			title: 'Agressie van patiënten en bezoekers op de opname-afdeling voorkomen en opvangen',
			targets: { dimensions: ['emotional-load', 'unwanted-behaviour'], signals: [] },
			applicationLevel: 'group',
			ownerEmail: ADVISOR,
			ownerRole: 'Preventieadviseur psychosociale aspecten',
			writtenOn: addDays(s, -10),
			startsOn: s,
			dueOn: d,
			status: 'done',
			budgetEuro: 2400,
			hours: 60,
			description:
				'De voorvallen van het voorbije jaar analyseren, de opvang bij opname en het bezoek aanpassen, een meldprocedure afspreken en het hele team een opleiding de-escalatie geven.',
			implementation:
				'Alle verpleegkundigen en opvoeders volgden de opleiding de-escalatie. Bij opname is er nu altijd een tweede persoon aanwezig en elk voorval wordt gemeld en binnen de week besproken.',
			perception:
				'Het team voelt zich beter voorbereid en gesteund na een voorval. De meldprocedure wordt als eenvoudig ervaren.',
			managementSupport: 'yes',
			followUp: false,
			notes: [
				{
					writtenOn: addDays(s, 14),
					text: 'Analyse van de voorvallen besproken met het team: de meeste voorvallen gebeuren bij opname en tijdens het bezoekuur.',
					authorEmail: ADVISOR
				},
				{
					writtenOn: addDays(s, 70),
					text: 'Opleiding de-escalatie gegeven in drie groepen. Meldformulier in gebruik.',
					authorEmail: ADVISOR
				}
			]
		},
		{
			key: 'nac-roosters',
			plan: 'last-year',
			catalogueId: 'schedule-predictability',
			unitCode: 'LIN-NAC',
			title: 'Nachtroosters zes weken op voorhand bekendmaken en invallen via een beurtrol',
			targets: { dimensions: ['work-private-balance', 'participation'], signals: [] },
			applicationLevel: 'group',
			ownerEmail: MANAGER,
			ownerRole: null,
			writtenOn: addDays(s, -10),
			startsOn: s,
			dueOn: d,
			status: 'done',
			budgetEuro: null,
			hours: 16,
			description:
				'De roosters van de nachtdienst worden zes weken op voorhand bekendgemaakt. Invallen bij afwezigheid gebeurt via een beurtrol die het team zelf opstelt.',
			implementation:
				'De roosters komen sinds de tweede maand zes weken op voorhand uit. De beurtrol voor invallen werkt; twee keer moest toch iemand buiten de beurtrol worden gevraagd.',
			perception:
				'De nachtdienst waardeert de voorspelbaarheid. Het team wil zelf meer inspraak in de verdeling van de weekendnachten.',
			managementSupport: 'yes',
			followUp: true,
			notes: [
				{
					writtenOn: addDays(s, 30),
					text: 'Beurtrol voor invallen samen met het team opgesteld.',
					authorEmail: MANAGER
				}
			]
		},
		{
			key: 'jeu-opvang',
			plan: 'last-year',
			catalogueId: 'critical-incident-aftercare',
			unitCode: 'PC-JEU',
			title: 'Opvang binnen de dag na agressie of een ingrijpend voorval op jeugdpsychiatrie',
			targets: { dimensions: ['emotional-load', 'anxiety', 'burnout'], signals: [] },
			applicationLevel: 'group',
			ownerEmail: PHYSICIAN,
			ownerRole: 'Arbeidsarts',
			writtenOn: addDays(s, -10),
			startsOn: s,
			dueOn: d,
			status: 'done',
			budgetEuro: 1200,
			hours: 36,
			description:
				'Per shift is vastgelegd wie na agressie of een ander ingrijpend voorval de betrokken collega’s opvangt, nog dezelfde dag. Wie dat wil, krijgt daarna een gesprek met de preventieadviseur psychosociale aspecten of de arbeidsarts.',
			implementation:
				'Elke shift heeft een aangeduide opvanger; twaalf collega’s volgden een korte opleiding collegiale opvang. Na elk gemeld voorval werd de opvang dezelfde dag aangeboden.',
			perception:
				'Het team voelt zich minder alleen na een voorval. Sommigen merken op dat de opvang de oorzaken van de voorvallen niet wegneemt.',
			managementSupport: 'yes',
			followUp: false,
			notes: [
				{
					writtenOn: addDays(s, 28),
					text: 'Opvangers per shift aangeduid; de opleiding collegiale opvang is gepland.',
					authorEmail: PHYSICIAN
				},
				{
					writtenOn: addDays(s, 84),
					text: 'Opleiding gegeven. De opvang werd na vier voorvallen aangeboden en telkens aanvaard.',
					authorEmail: PHYSICIAN
				}
			]
		},
		{
			key: 'org-teambesprekingen',
			plan: 'last-year',
			catalogueId: 'results-feedback-sessions',
			unitCode: null,
			title: 'De resultaten van de barometer in elk team bespreken en samen knelpunten kiezen',
			targets: { dimensions: ['participation', 'engagement'], signals: [] },
			applicationLevel: 'organisation',
			ownerEmail: HR,
			ownerRole: 'HR business partner',
			writtenOn: addDays(s, -10),
			startsOn: s,
			dueOn: d,
			status: 'done',
			budgetEuro: null,
			hours: 120,
			description:
				'Elk team krijgt zijn eigen geaggregeerde resultaten te zien en kiest samen met de leidinggevende één tot drie knelpunten om aan te pakken.',
			implementation:
				'In bijna alle teams werden de resultaten besproken. De kleinste teams, waarvan de resultaten onder de anonimiteitsdrempel bleven, bespraken die van hun afdeling.',
			perception:
				'De meeste teams vonden het gesprek zinvol. In twee afdelingen vonden de medewerkers dat er te weinig tijd was om door te praten.',
			managementSupport: 'partly',
			followUp: true,
			notes: [
				{
					writtenOn: addDays(s, 45),
					text: 'Helft van de teambesprekingen gehouden. Directie sluit aan in de ziekenhuisteams.',
					authorEmail: HR
				},
				{
					writtenOn: addDays(d, -3),
					text: 'Alle teams hebben hun resultaten besproken; de gekozen knelpunten zijn verzameld voor het comité.',
					authorEmail: HR
				}
			]
		},
		{
			key: 'spo-bezetting',
			plan: 'this-year',
			catalogueId: 'staffing-to-workload',
			unitCode: 'AZ-SPO',
			title: 'De bezetting van spoedgevallen afstemmen op het aantal patiënten per uur',
			targets: { dimensions: ['workload', 'overstrain', 'burnout'], signals: [] },
			applicationLevel: 'group',
			ownerEmail: HR,
			ownerRole: 'Directeur zorg',
			writtenOn: addDays(t, -10),
			startsOn: t,
			dueOn: addDays(today, 75),
			status: 'in-progress',
			budgetEuro: 45000,
			hours: 80,
			description:
				'Het aantal patiënten per uur van het voorbije jaar naast de bezetting leggen, vooral in het weekend en ’s avonds, en de formatie aanpassen waar ze structureel tekortschiet. Vervolg op het werkoverleg over de werkverdeling.',
			implementation: null,
			perception: null,
			managementSupport: null,
			followUp: false,
			notes: [
				{
					writtenOn: addDays(t, 30),
					text: 'Cijfers van de patiëntenstroom opgevraagd bij de medische informatica.',
					authorEmail: HR
				},
				{
					writtenOn: addDays(today, -12),
					text: 'Analyse klaar: op zaterdagavond en zondag ontbreekt structureel één verpleegkundige. Voorstel gaat naar de directie.',
					authorEmail: HR
				}
			]
		},
		{
			key: 'eik-taken',
			plan: 'this-year',
			catalogueId: 'workload-planning-meeting',
			unitCode: 'LIN-EIK',
			title: 'De zorgtaken op afdeling Eik herverdelen en de ochtendpiek ontlasten',
			targets: { dimensions: ['workload', 'overstrain', 'stress'], signals: [] },
			applicationLevel: 'group',
			ownerEmail: MANAGER,
			ownerRole: 'Hoofdverpleegkundige afdeling Eik',
			writtenOn: addDays(t, -10),
			startsOn: t,
			dueOn: addDays(today, -21),
			status: 'in-progress',
			budgetEuro: null,
			hours: 24,
			description:
				'Met het team de zorgtaken van de ochtend in kaart brengen en herverdelen over de dag, zodat de ochtendpiek minder zwaar weegt.',
			implementation: null,
			perception: null,
			managementSupport: null,
			followUp: false,
			notes: [
				{
					writtenOn: addDays(t, 25),
					text: 'Eerste werksessie met het team gehouden; de taken van de ochtend zijn in kaart gebracht.',
					authorEmail: MANAGER
				},
				{
					writtenOn: addDays(today, -35),
					text: 'Tweede werksessie uitgesteld door openstaande vacatures in het team.',
					authorEmail: MANAGER
				}
			]
		},
		{
			key: 'gez-bereikbaarheid',
			plan: 'this-year',
			catalogueId: 'right-to-disconnect',
			unitCode: 'THZ-GEZ',
			title: 'Afspraken over bereikbaarheid buiten de werkuren voor de gezinszorg',
			targets: { dimensions: ['work-private-balance', 'overstrain'], signals: [] },
			applicationLevel: 'group',
			ownerEmail: null,
			ownerRole: null,
			writtenOn: addDays(t, -10),
			startsOn: addDays(today, 14),
			dueOn: addDays(today, 120),
			status: 'planned',
			budgetEuro: null,
			hours: null,
			description:
				'Afspreken wanneer verzorgenden berichten van de planning of van cliënten moeten beantwoorden en wanneer niet, en dat vastleggen in het arbeidsreglement.',
			implementation: null,
			perception: null,
			managementSupport: null,
			followUp: false,
			notes: []
		},
		{
			key: 'org-leidinggevenden',
			plan: 'this-year',
			catalogueId: 'manager-training-psychosocial',
			unitCode: null,
			title: 'Alle leidinggevenden opleiden in het herkennen en bespreken van overbelasting',
			targets: { dimensions: ['support-manager', 'recognition', 'burnout', 'overstrain'], signals: [] },
			applicationLevel: 'organisation',
			ownerEmail: ADVISOR,
			ownerRole: 'Preventieadviseur psychosociale aspecten',
			writtenOn: addDays(t, -10),
			startsOn: addDays(today, 30),
			dueOn: addDays(today, 180),
			status: 'planned',
			budgetEuro: 6500,
			hours: 120,
			description:
				'Een opleiding van twee halve dagen voor alle leidinggevenden, gevolgd door intervisie tussen leidinggevenden. Met de externe dienst voor preventie en bescherming op het werk.',
			implementation: null,
			perception: null,
			managementSupport: null,
			followUp: false,
			notes: []
		}
	];
}

/**
 * The day a demo measure was last changed: its last note, or for a measure done, its due date. The
 * barometer asks about a measure done since the previous wave by this day, so last year's measures
 * are not offered again to a new wave.
 */
export function demoChangedOn(measure: DemoMeasure): string {
	const days = [measure.writtenOn, ...measure.notes.map((n) => n.writtenOn)];
	if (measure.status === 'done') days.push(measure.dueOn);
	return days.sort().at(-1)!;
}

/** A demo measure as the measure table takes it, with the ids of its unit and owner. */
export function demoMeasureFields(
	measure: DemoMeasure,
	ids: { unitId: string | null; ownerUserId: string | null }
): MeasureFields {
	const source = entry(measure.catalogueId);
	return {
		unitId: ids.unitId,
		targets: measure.targets,
		title: measure.title,
		domain: source.domain,
		preventionLevel: source.level,
		applicationLevel: measure.applicationLevel,
		ownerUserId: ids.ownerUserId,
		ownerRole: measure.ownerRole,
		startsOn: measure.startsOn,
		dueOn: measure.dueOn,
		status: measure.status,
		droppedReason: null,
		budgetEuro: measure.budgetEuro,
		hours: measure.hours,
		description: measure.description,
		implementation: measure.implementation,
		perception: measure.perception,
		managementSupport: measure.managementSupport,
		followUp: measure.followUp
	};
}

// ---------------------------------------------------------------------------------------------
// Perception in the last closed wave (src/lib/domain/action-plans/perception.ts).

/** Weights of the four answers (not noticed, noticed but did not help, helped somewhat, helped). */
type AnswerWeights = readonly [number, number, number, number];

/**
 * How each of last year's measures was perceived: the share of respondents who answered the
 * question and the weights of their answers. The night shift's question is answered by one person
 * fewer than k, so the block shows how a figure below k stays hidden.
 */
export const DEMO_PERCEPTION: Record<string, { answered: number | 'below-k'; weights: AnswerWeights }> = {
	'spo-werkverdeling': { answered: 0.8, weights: [0.15, 0.45, 0.3, 0.1] },
	'opn-agressie': { answered: 0.85, weights: [0.05, 0.1, 0.35, 0.5] },
	'nac-roosters': { answered: 'below-k', weights: [0.1, 0.2, 0.4, 0.3] },
	'jeu-opvang': { answered: 0.8, weights: [0.1, 0.15, 0.4, 0.35] },
	'org-teambesprekingen': { answered: 0.75, weights: [0.25, 0.25, 0.35, 0.15] }
};

export interface DemoPerceptionAnswer {
	/** The respondent's unit. */
	unitCode: string;
	/** 1 to 4, in the order of PERCEPTION_ANSWERS. */
	answer: number;
}

/**
 * The answers to one measure's question: per unit asked (the measure's unit and those below it),
 * a share of its respondents answers. Pure and deterministic. `respondents` are the respondents
 * of the wave per unit code; `unitsAsked` the codes asked, in a fixed order.
 */
export function generatePerceptionAnswers(
	key: string,
	unitsAsked: readonly string[],
	respondents: ReadonlyMap<string, number>,
	k: number
): DemoPerceptionAnswer[] {
	const profile = DEMO_PERCEPTION[key];
	if (!profile) return [];
	const random = createRandom(hash(`perception:${key}`));
	const answers: DemoPerceptionAnswer[] = [];
	for (const unitCode of unitsAsked) {
		const n = respondents.get(unitCode) ?? 0;
		const count = profile.answered === 'below-k' ? Math.min(n, k - 1) : Math.round(n * profile.answered);
		for (let i = 0; i < count; i++) {
			let draw = random.next();
			let answer = 1;
			for (const weight of profile.weights) {
				if (draw < weight) break;
				draw -= weight;
				answer = Math.min(4, answer + 1);
			}
			answers.push({ unitCode, answer });
		}
	}
	return answers;
}

// ---------------------------------------------------------------------------------------------
// The plans for the committee (src/lib/domain/action-plans/plans.ts).

export interface DemoCommitteePlan {
	key: 'last-annual' | 'this-annual' | 'global';
	kind: PlanKind;
	firstYear: number;
	status: PlanStatus;
	submittedOn: string | null;
	adviceOn: string | null;
	adviceText: string | null;
	adoptedOn: string | null;
	sections: Partial<PlanSections>;
}

/**
 * The years of the two annual plans. A measure belongs to every plan whose year it is active in
 * (belongsToPlan), so last year's plan is the year last year's measures started in, and this
 * year's the next: the current calendar year, or the coming one in December, when last year's
 * measures start in January (they follow a wave of the November before).
 */
export function demoPlanYears(today: string): { last: number; current: number } {
	const last = Number(demoPlanPeriods(today).lastYear.startsOn.slice(0, 4));
	return { last, current: last + 1 };
}

/**
 * The plans: last year's annual action plan, submitted before 1 November of the year before,
 * advised and adopted; this year's, submitted before 1 November and awaiting the committee's advice;
 * and the global prevention plan that covers both, adopted. Every date is on or before today, as
 * the year before this year's plan has always passed.
 */
export function generateDemoPlans(today: string): DemoCommitteePlan[] {
	const { last, current } = demoPlanYears(today);
	return [
		{
			key: 'global',
			kind: 'global',
			firstYear: last - 1,
			status: 'adopted',
			submittedOn: `${last - 2}-10-12`,
			adviceOn: `${last - 2}-11-16`,
			adviceText:
				'Het comité geeft een gunstig advies. Het vraagt om de psychosociale risico’s in de thuiszorg en op de nachtdiensten apart op te volgen en de resultaten van de barometer jaarlijks toe te lichten.',
			adoptedOn: `${last - 2}-12-01`,
			sections: {
				riskAnalysis:
					'De barometer (twee metingen per jaar) en de collectieve signalen (afwezigheden, verloop, arbeidsongevallen) tonen een hoge emotionele belasting in de zorgafdelingen, werkdruk op spoedgevallen en een verstoorde balans tussen werk en privé op de nachtdiensten.',
				preventionMeasures:
					'Eerst maatregelen op het werk zelf: werkverdeling, bezetting, roosters en afspraken rond agressie. Daarnaast intervisie en opvang voor wie emotioneel zwaar werk doet, en een zorgpad voor terugkeer na afwezigheid.',
				objectives:
					'Minder teams met werkdruk of emotionele belasting in het rood; elke meting besproken in elk team; elke maatregel geëvalueerd bij de volgende meting.',
				activities:
					'Elk jaar een jaaractieplan met maatregelen per afdeling op basis van de meest recente meting.',
				means:
					'Tijd van de preventieadviseur psychosociale aspecten en de arbeidsarts, een jaarlijks budget voor opleiding en begeleiding, en vervanging tijdens teamsessies.',
				roles:
					'De directie beslist en geeft de middelen; de leidinggevenden voeren de maatregelen in hun team uit; de preventieadviseur adviseert en evalueert; HR volgt de bezetting en de roosters op.',
				adaptation:
					'Het plan wordt jaarlijks bijgestuurd via het jaaractieplan, na de bespreking van de metingen in het comité.',
				evaluationCriteria:
					'Het aandeel medewerkers in oranje of rood per thema, de deelname aan de barometer, het kortdurend ziekteverzuim en het vrijwillig verloop, telkens door de anonimiteitsdrempel.'
			}
		},
		{
			key: 'last-annual',
			kind: 'annual',
			firstYear: last,
			status: 'adopted',
			submittedOn: `${last - 1}-10-17`,
			adviceOn: `${last - 1}-11-21`,
			adviceText:
				'Gunstig advies. Het comité vraagt om de werkverdeling op spoedgevallen na de volgende meting opnieuw te bekijken en de nachtdienst te betrekken bij de roosters.',
			adoptedOn: `${last - 1}-12-04`,
			sections: {
				objectives:
					'De werkdruk op spoedgevallen en de emotionele belasting op de opname-afdeling verminderen; opvang na agressie op jeugdpsychiatrie; de roosters van de nachtdienst voorspelbaarder maken; de resultaten van de barometer in elk team bespreken.',
				means:
					'Werkoverleg in de werkuren, een opleiding de-escalatie (2.400 euro), een opleiding collegiale opvang (1.200 euro).',
				roles:
					'Preventieadviseur psychosociale aspecten: opleiding en evaluatie. Arbeidsarts: opvang na voorvallen. HR: teambesprekingen. Leidinggevenden: werkoverleg en roosters.',
				globalChanges: null
			}
		},
		{
			key: 'this-annual',
			kind: 'annual',
			firstYear: current,
			status: 'submitted',
			submittedOn: `${current - 1}-10-21`,
			adviceOn: null,
			adviceText: null,
			adoptedOn: null,
			sections: {
				objectives:
					'De bezetting van spoedgevallen afstemmen op het werkvolume; de werkdruk op afdeling Eik en in de gezinszorg aanpakken; alle leidinggevenden opleiden om overbelasting te herkennen en te bespreken.',
				means:
					'Budget voor bijkomende bezetting op spoedgevallen (45.000 euro), een opleiding voor leidinggevenden (6.500 euro).',
				roles:
					'Directeur zorg en HR: bezetting. Leidinggevenden: werksessies in hun team. Preventieadviseur: opleiding van de leidinggevenden.',
				globalChanges:
					'De gezinszorg komt bij de prioriteiten: de barometer toont er een toenemende belasting van het privéleven.'
			}
		}
	];
}

/**
 * Inserts the demo measures and their notes for an organisation whose units, demo accounts and
 * waves exist, the perception block of the last closed wave and the plans for the committee.
 * Returns the measures' ids by key.
 */
export async function seedDemoActionPlans(
	db: Kysely<Database> | Transaction<Database>,
	organisationId: string,
	options: { today: string }
): Promise<Map<string, string>> {
	const units = await db
		.selectFrom('unit')
		.select(['id', 'code'])
		.where('organisation_id', '=', organisationId)
		.where('valid_to', 'is', null)
		.execute();
	const unitIds = new Map(units.map((u) => [u.code, u.id]));
	const members = await db
		.selectFrom('membership as m')
		.innerJoin('app_user as u', 'u.id', 'm.user_id')
		.select(['u.id', 'u.email'])
		.where('m.organisation_id', '=', organisationId)
		.execute();
	const userIds = new Map(members.map((m) => [m.email, m.id]));
	const idOf = (map: Map<string, string>, key: string | null, what: string): string | null => {
		if (key === null) return null;
		const id = map.get(key);
		if (!id) throw new Error(`The demo has no ${what} ${key}`);
		return id;
	};

	const ids = new Map<string, string>();
	for (const measure of generateDemoMeasures(options.today)) {
		const fields = demoMeasureFields(measure, {
			unitId: idOf(unitIds, measure.unitCode, 'unit'),
			ownerUserId: idOf(userIds, measure.ownerEmail, 'account')
		});
		const row = await insertMeasure(db, organisationId, fields);
		await db
			.updateTable('measure')
			.set({
				created_at: new Date(`${measure.writtenOn}T09:00:00Z`),
				updated_at: new Date(`${demoChangedOn(measure)}T15:00:00Z`)
			})
			.where('organisation_id', '=', organisationId)
			.where('id', '=', row.id)
			.execute();
		for (const note of measure.notes) {
			await insertNote(db, organisationId, row.id, {
				writtenOn: note.writtenOn,
				text: note.text,
				authorUserId: idOf(userIds, note.authorEmail, 'account')!
			});
		}
		ids.set(measure.key, row.id);
	}
	await seedPerception(db, organisationId, options.today, ids);
	for (const { kind, firstYear, sections, key: _key, ...status } of generateDemoPlans(options.today))
		await insertPlan(db, organisationId, { kind, ...periodOf(kind, firstYear), ...status, sections });
	return ids;
}

/**
 * The perception block of the last closed wave: last year's measures as it asked about them, and
 * the answers of its respondents, in random order with fresh ids, as closing a wave writes them.
 */
async function seedPerception(
	db: Kysely<Database> | Transaction<Database>,
	organisationId: string,
	today: string,
	measureIds: ReadonlyMap<string, string>
): Promise<void> {
	const { after } = demoPlanPeriods(today);
	const wave = await db
		.selectFrom('wave')
		.select(['id', 'min_group_size'])
		.where('organisation_id', '=', organisationId)
		.where('opens_on', '=', after.opensOn)
		.executeTakeFirstOrThrow();
	const units = await db
		.selectFrom('unit')
		.select(['id', 'code', 'parent_id'])
		.where('organisation_id', '=', organisationId)
		.where('valid_to', 'is', null)
		.orderBy('code')
		.execute();
	const counted = await db
		.selectFrom('response')
		.select((eb) => ['unit_id', eb.fn.countAll<number>().as('n')])
		.where('organisation_id', '=', organisationId)
		.where('wave_id', '=', wave.id)
		.groupBy('unit_id')
		.execute();
	const codeOf = new Map(units.map((u) => [u.id, u.code]));
	const idOf = new Map(units.map((u) => [u.code, u.id]));
	const respondents = new Map(counted.map((c) => [codeOf.get(c.unit_id)!, Number(c.n)]));
	const below = (code: string): string[] => {
		const id = idOf.get(code)!;
		return [code, ...units.filter((u) => u.parent_id === id).flatMap((u) => below(u.code))];
	};

	const asked = generateDemoMeasures(today).filter((m) => m.plan === 'last-year');
	const answers: Array<{ measureId: string; unitId: string; answer: number }> = [];
	await insertWaveMeasures(
		db,
		organisationId,
		wave.id,
		asked.map((m) => ({
			measureId: measureIds.get(m.key)!,
			title: m.title,
			unitId: m.unitCode && idOf.get(m.unitCode)!
		}))
	);
	for (const measure of asked) {
		const unitsAsked = measure.unitCode ? below(measure.unitCode) : units.map((u) => u.code);
		for (const a of generatePerceptionAnswers(measure.key, unitsAsked, respondents, wave.min_group_size))
			answers.push({
				measureId: measureIds.get(measure.key)!,
				unitId: idOf.get(a.unitCode)!,
				answer: a.answer
			});
	}
	const random = createRandom(hash('demo-perception-order'));
	for (let i = answers.length - 1; i > 0; i--) {
		const j = Math.floor(random.next() * (i + 1));
		[answers[i], answers[j]] = [answers[j]!, answers[i]!];
	}
	for (let i = 0; i < answers.length; i += 500) {
		await db
			.insertInto('perception_answer')
			.values(
				answers.slice(i, i + 500).map((a) => ({
					organisation_id: organisationId,
					wave_id: wave.id,
					measure_id: a.measureId,
					id: randomUUID(),
					unit_id: a.unitId,
					answer: a.answer
				}))
			)
			.execute();
	}
}
