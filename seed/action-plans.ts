import type { Kysely, Transaction } from 'kysely';
import { CATALOGUE } from '../src/lib/domain/action-plans/catalogue';
import type { ManagementSupport, MeasureFields } from '../src/lib/domain/action-plans/measures';
import type {
	ApplicationLevel,
	CatalogueEntry,
	MeasureStatus,
	MeasureTargets
} from '../src/lib/domain/action-plans/types';
import { insertMeasure, insertNote } from '../src/lib/server/action-plans/queries';
import type { Database } from '../src/lib/server/db/schema';
import { demoWaveDates } from './waves';

/**
 * The demo action plans of Zorggroep Zonnedael (docs/action-plans.md), dated relative to `today`
 * like its waves (seed/waves.ts):
 * - last year's plan: five measures against the findings of the second past wave, carried out
 *   between it and the last closed wave, so that wave measures them again; done and evaluated;
 * - this year's plan: four measures against the findings of the last closed wave, planned or in
 *   progress, one of them past its due date and one not yet given an owner.
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
			key: 'iz-intervisie',
			plan: 'last-year',
			catalogueId: 'case-intervision',
			unitCode: 'AZ-IZ',
			title: 'Maandelijkse intervisie over emotioneel zware situaties op intensieve zorg',
			targets: { dimensions: ['emotional-load', 'burnout'], signals: [] },
			applicationLevel: 'group',
			ownerEmail: PHYSICIAN,
			ownerRole: 'Psycholoog van het ziekenhuis',
			startsOn: s,
			dueOn: d,
			status: 'done',
			budgetEuro: null,
			hours: 48,
			description:
				'Elke maand een intervisie van anderhalf uur onder begeleiding van de psycholoog van het ziekenhuis, in de werkuren, met casussen die het team zelf kiest.',
			implementation:
				'Vier van de vijf geplande intervisies gingen door, telkens met acht tot twaalf deelnemers. De nachtploeg kon moeilijk aansluiten.',
			perception: 'Wie deelnam, vond de intervisie steunend. De nachtploeg voelde zich minder betrokken.',
			managementSupport: 'yes',
			followUp: false,
			notes: [
				{
					writtenOn: addDays(s, 35),
					text: 'Eerste intervisie gehouden met tien deelnemers.',
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

/**
 * Inserts the demo measures and their notes for an organisation whose units and demo accounts
 * exist. Returns the measures' ids by key.
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
		for (const note of measure.notes) {
			await insertNote(db, organisationId, row.id, {
				writtenOn: note.writtenOn,
				text: note.text,
				authorUserId: idOf(userIds, note.authorEmail, 'account')!
			});
		}
		ids.set(measure.key, row.id);
	}
	return ids;
}
