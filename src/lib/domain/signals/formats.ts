import type { MessageKey } from '../../i18n';
import type { Language } from '../organisation-settings';
import { normaliseHeader } from '../units';

/**
 * The three CSV formats of collective signals and their columns. Headers are recognised in Dutch,
 * French and English, compared without case, accents, spaces or punctuation (normaliseHeader), so
 * `Date d'entrée`, `DATE D ENTREE` and `date_d_entree` are the same column. docs/signals-import.md
 * is the reference for people; this file is the one for code.
 */

export const SIGNALS_FORMATS = ['monthly', 'spells', 'staffing'] as const;
export type SignalsFormat = (typeof SIGNALS_FORMATS)[number];

/** Figures of one unit in one month; the monthly format has a column for each. */
export const FIGURES = [
	'headcount',
	'fte',
	'plannedDays',
	'sickDaysShort',
	'sickDaysMedium',
	'sickDaysLong',
	'spells',
	'frequentAbsentees',
	'leaversVoluntary',
	'leaversInvoluntary',
	'newIncapacity4w',
	'ongoingIncapacity1y',
	'workAccidents',
	'jobAdaptationRequests',
	'psychosocialRequests',
	'spellsEnded',
	'spellsEndedDays',
	/**
	 * The people the unit-month's figures are about: everyone on its staff on any day of the month
	 * or in any of its figures (a leaver, a spell). The group size the month's plan protects; not a
	 * column of the monthly format but worked out from it (docs/signals-import.md).
	 */
	'people'
] as const;
export type FigureId = (typeof FIGURES)[number];

/** The figures a monthly file has a column for: all but people, which is worked out from them. */
export type MonthlyFigureId = Exclude<FigureId, 'people'>;
export type MonthlyColumn = 'unitCode' | 'month' | MonthlyFigureId;
export type SpellsColumn = 'employeeKey' | 'unitCode' | 'startDate' | 'endDate' | 'absenceType';
export type StaffingColumn = 'employeeKey' | 'unitCode' | 'fte' | 'startDate' | 'leaveDate' | 'leaveReason';
export type ColumnId = MonthlyColumn | SpellsColumn | StaffingColumn;

export type ColumnType =
	'code' | 'key' | 'month' | 'date' | 'count' | 'decimal' | 'absenceType' | 'leaveReason';

export interface ColumnSpec {
	id: ColumnId;
	required: boolean;
	type: ColumnType;
	/** Largest accepted value of a number column; bigger values are typing errors. */
	max?: number;
	/** Accepted headers per language; the first one is the template's. */
	headers: Record<Language, readonly string[]>;
}

/**
 * Names Belgian payroll and HR systems (SD Worx, Securex, Partena, Acerta, Liantis, Group S) give
 * these columns in their exports, accepted as they are. Names that could hold a person's name or a
 * national register number are deliberately absent.
 */
const PAYROLL = {
	unitCode: {
		nl: ['Afdeling', 'Afdelingscode', 'Code afdeling', 'Dienst', 'Kostenplaats', 'Kostenplaatscode'],
		fr: ['Département', 'Code département', 'Service', 'Code service', 'Centre de frais', 'Centre de coût'],
		en: ['Department', 'Department code', 'Cost centre', 'Cost center']
	},
	employeeKey: {
		nl: ['Personeelsnummer', 'Personeelsnr', 'Werknemersnummer', 'Stamnummer', 'Dossiernummer'],
		fr: ['Matricule', 'Numéro de matricule', 'Numéro du travailleur', 'Numéro de travailleur'],
		en: ['Employee number', 'Employee ID', 'Personnel number', 'Staff number']
	},
	spellStart: {
		nl: ['Begin afwezigheid', 'Begindatum afwezigheid', 'Start afwezigheid', 'Van datum'],
		fr: ['Début absence', "Début de l'absence", "Date de début d'absence", 'Date début absence'],
		en: ['Absence start', 'Absence start date', 'Start of absence']
	},
	spellEnd: {
		nl: ['Einde afwezigheid', 'Einddatum afwezigheid', 'Tot datum'],
		fr: ['Fin absence', "Fin de l'absence", "Date de fin d'absence", 'Date fin absence'],
		en: ['Absence end', 'Absence end date', 'End of absence']
	},
	absenceType: {
		nl: ['Afwezigheidstype', 'Soort verlof', 'Reden afwezigheid', 'Afwezigheidsreden'],
		fr: ["Motif d'absence", "Nature de l'absence", 'Type absence'],
		en: ['Absence reason', 'Reason for absence', 'Absence category']
	},
	hireDate: {
		nl: ['Datum indiensttreding', 'Indiensttreding'],
		fr: ["Date d'entrée en service", 'Entrée en service'],
		en: ['Date of hire', 'Employment start date']
	},
	leaveDate: {
		nl: ['Datum uitdiensttreding', 'Uitdiensttreding'],
		fr: ['Date de sortie de service', 'Sortie de service'],
		en: ['Termination date', 'Employment end date']
	}
} as const;

const UNIT_CODE: ColumnSpec = {
	id: 'unitCode',
	required: true,
	type: 'code',
	headers: {
		nl: ['Eenheidscode', 'Code eenheid', 'Eenheid', 'Code', ...PAYROLL.unitCode.nl],
		fr: ['Code unité', 'Unité', 'Code', ...PAYROLL.unitCode.fr],
		en: ['Unit code', 'Unit', 'Code', ...PAYROLL.unitCode.en]
	}
};

const EMPLOYEE_KEY: ColumnSpec = {
	id: 'employeeKey',
	required: true,
	type: 'key',
	headers: {
		nl: ['Medewerkerssleutel', 'Sleutel', 'Pseudoniem', ...PAYROLL.employeeKey.nl],
		fr: ['Clé travailleur', 'Clé', 'Pseudonyme', ...PAYROLL.employeeKey.fr],
		en: ['Employee key', 'Key', 'Pseudonym', ...PAYROLL.employeeKey.en]
	}
};

const count = (id: MonthlyFigureId, headers: ColumnSpec['headers'], max = 1_000_000): ColumnSpec => ({
	id,
	required: false,
	type: 'count',
	max,
	headers
});
const decimal = (id: MonthlyFigureId, headers: ColumnSpec['headers'], max: number): ColumnSpec => ({
	id,
	required: false,
	type: 'decimal',
	max,
	headers
});

// Days are bounded by a million people working every day of a month; counts by a million people.
const MAX_DAYS = 31_000_000;

export const COLUMNS: Record<SignalsFormat, readonly ColumnSpec[]> = {
	monthly: [
		UNIT_CODE,
		{
			id: 'month',
			required: true,
			type: 'month',
			headers: { nl: ['Maand', 'Periode'], fr: ['Mois', 'Période'], en: ['Month', 'Period'] }
		},
		count('headcount', {
			nl: ['Aantal medewerkers', 'Personeelsbestand', 'Headcount'],
			fr: ['Effectif', 'Nombre de travailleurs', 'Effectifs'],
			en: ['Headcount', 'Employees', 'Number of employees']
		}),
		decimal(
			'fte',
			{
				nl: ['VTE', 'Voltijdse equivalenten', 'FTE'],
				fr: ['ETP', 'Équivalents temps plein'],
				en: ['FTE', 'Full-time equivalents']
			},
			1_500_000
		),
		decimal(
			'plannedDays',
			{
				nl: ['Geplande dagen', 'Contractuele dagen', 'Te presteren dagen'],
				fr: ['Jours prévus', 'Jours contractuels', 'Jours à prester'],
				en: ['Planned days', 'Contracted days']
			},
			MAX_DAYS
		),
		decimal(
			'sickDaysShort',
			{
				nl: ['Ziektedagen kort', 'Ziektedagen < 1 maand', 'Kort verzuim'],
				fr: ['Jours de maladie courte', 'Jours de maladie < 1 mois', 'Absentéisme court'],
				en: ['Sick days short', 'Sick days < 1 month', 'Short absence']
			},
			MAX_DAYS
		),
		decimal(
			'sickDaysMedium',
			{
				nl: ['Ziektedagen middellang', 'Ziektedagen 1 maand tot 1 jaar', 'Middellang verzuim'],
				fr: ['Jours de maladie moyenne', 'Jours de maladie 1 mois à 1 an', 'Absentéisme moyen'],
				en: ['Sick days medium', 'Sick days 1 month to 1 year', 'Medium absence']
			},
			MAX_DAYS
		),
		decimal(
			'sickDaysLong',
			{
				nl: ['Ziektedagen lang', 'Ziektedagen > 1 jaar', 'Lang verzuim'],
				fr: ['Jours de maladie longue', 'Jours de maladie > 1 an', 'Absentéisme long'],
				en: ['Sick days long', 'Sick days > 1 year', 'Long absence']
			},
			MAX_DAYS
		),
		count('spells', {
			nl: ['Ziekteperiodes', 'Aantal ziekteperiodes', 'Ziektegevallen'],
			fr: ['Épisodes de maladie', "Nombre d'épisodes de maladie", 'Périodes de maladie'],
			en: ['Sickness spells', 'Number of sickness spells', 'Spells']
		}),
		count('frequentAbsentees', {
			nl: ['Medewerkers met 3+ ziekteperiodes', 'Frequent verzuimers'],
			fr: ['Travailleurs avec 3+ épisodes', 'Absentéistes fréquents'],
			en: ['Employees with 3+ spells', 'Frequent absentees']
		}),
		count('leaversVoluntary', {
			nl: ['Vrijwillige vertrekkers', 'Uitstroom vrijwillig'],
			fr: ['Départs volontaires'],
			en: ['Voluntary leavers']
		}),
		count('leaversInvoluntary', {
			nl: ['Onvrijwillige vertrekkers', 'Uitstroom onvrijwillig'],
			fr: ['Départs involontaires'],
			en: ['Involuntary leavers']
		}),
		count('newIncapacity4w', {
			nl: ['Nieuwe arbeidsongeschiktheid > 4 weken'],
			fr: ['Nouvelles incapacités > 4 semaines'],
			en: ['New incapacity > 4 weeks']
		}),
		count('ongoingIncapacity1y', {
			nl: ['Arbeidsongeschikt > 1 jaar', 'Lopende arbeidsongeschiktheid > 1 jaar'],
			fr: ['Incapacités en cours > 1 an', 'Incapacité > 1 an'],
			en: ['Ongoing incapacity > 1 year', 'Incapacity > 1 year']
		}),
		count('workAccidents', {
			nl: ['Arbeidsongevallen'],
			fr: ['Accidents du travail'],
			en: ['Work accidents', 'Accidents at work']
		}),
		count('jobAdaptationRequests', {
			nl: ['Vragen om aangepast werk', 'Aanvragen aangepast werk'],
			fr: ["Demandes d'adaptation du poste", 'Demandes de poste adapté'],
			en: ['Job adaptation requests', 'Requests for adapted work']
		}),
		count('psychosocialRequests', {
			nl: ['Formele verzoeken psychosociale interventie', 'Formele verzoeken'],
			fr: ["Demandes d'intervention psychosociale formelle", 'Demandes formelles'],
			en: ['Formal requests for psychosocial intervention', 'Formal requests']
		}),
		count('spellsEnded', {
			nl: ['Beëindigde ziekteperiodes'],
			fr: ['Épisodes de maladie terminés'],
			en: ['Sickness spells ended', 'Spells ended']
		}),
		decimal(
			'spellsEndedDays',
			{
				nl: ['Werkdagen beëindigde ziekteperiodes'],
				fr: ['Jours ouvrables des épisodes terminés'],
				en: ['Workdays of ended spells']
			},
			MAX_DAYS
		)
	],
	spells: [
		EMPLOYEE_KEY,
		UNIT_CODE,
		{
			id: 'startDate',
			required: true,
			type: 'date',
			headers: {
				nl: ['Begindatum', 'Startdatum', 'Van', ...PAYROLL.spellStart.nl],
				fr: ['Date de début', 'Début', 'Du', ...PAYROLL.spellStart.fr],
				en: ['Start date', 'Start', 'From', ...PAYROLL.spellStart.en]
			}
		},
		{
			// The column is required; an empty cell in it means the spell is still running.
			id: 'endDate',
			required: true,
			type: 'date',
			headers: {
				nl: ['Einddatum', 'Tot', ...PAYROLL.spellEnd.nl],
				fr: ['Date de fin', 'Fin', 'Au', ...PAYROLL.spellEnd.fr],
				en: ['End date', 'End', 'To', ...PAYROLL.spellEnd.en]
			}
		},
		{
			id: 'absenceType',
			required: true,
			type: 'absenceType',
			headers: {
				nl: ['Soort afwezigheid', 'Type', 'Soort', ...PAYROLL.absenceType.nl],
				fr: ["Type d'absence", 'Type', ...PAYROLL.absenceType.fr],
				en: ['Absence type', 'Type', ...PAYROLL.absenceType.en]
			}
		}
	],
	staffing: [
		EMPLOYEE_KEY,
		UNIT_CODE,
		{
			id: 'fte',
			required: true,
			type: 'decimal',
			max: 1.5,
			headers: {
				nl: ['VTE', 'Tewerkstellingsbreuk', 'FTE'],
				fr: ['ETP', "Fraction d'occupation"],
				en: ['FTE']
			}
		},
		{
			id: 'startDate',
			required: true,
			type: 'date',
			headers: {
				nl: ['Datum in dienst', 'In dienst', 'Startdatum', ...PAYROLL.hireDate.nl],
				fr: ["Date d'entrée", 'Entrée', 'Date de début', ...PAYROLL.hireDate.fr],
				en: ['Hire date', 'Start date', 'Start', ...PAYROLL.hireDate.en]
			}
		},
		{
			id: 'leaveDate',
			required: false,
			type: 'date',
			headers: {
				nl: ['Datum uit dienst', 'Uit dienst', 'Einddatum', ...PAYROLL.leaveDate.nl],
				fr: ['Date de sortie', 'Sortie', 'Date de fin', ...PAYROLL.leaveDate.fr],
				en: ['Leave date', 'Leaving date', 'End date', ...PAYROLL.leaveDate.en]
			}
		},
		{
			id: 'leaveReason',
			required: false,
			type: 'leaveReason',
			headers: {
				nl: ['Reden van vertrek', 'Reden uit dienst', 'Reden'],
				fr: ['Motif de départ', 'Motif de sortie', 'Motif'],
				en: ['Leave reason', 'Reason for leaving', 'Reason']
			}
		}
	]
};

/** Normalised header → column id, per format. */
const ALIASES: Record<SignalsFormat, Map<string, ColumnId>> = {
	monthly: aliasIndex(COLUMNS.monthly),
	spells: aliasIndex(COLUMNS.spells),
	staffing: aliasIndex(COLUMNS.staffing)
};

function aliasIndex(columns: readonly ColumnSpec[]): Map<string, ColumnId> {
	const index = new Map<string, ColumnId>();
	for (const column of columns) {
		for (const header of Object.values(column.headers).flat()) {
			const alias = normaliseHeader(header);
			const taken = index.get(alias);
			if (taken && taken !== column.id)
				throw new Error(`Header "${header}" names both ${taken} and ${column.id}`);
			index.set(alias, column.id);
		}
	}
	return index;
}

/** The column a normalised header names in a format, if any. */
export function columnOfHeader(format: SignalsFormat, normalised: string): ColumnId | undefined {
	return ALIASES[format].get(normalised);
}

export function columnSpec(format: SignalsFormat, id: ColumnId): ColumnSpec | undefined {
	return COLUMNS[format].find((c) => c.id === id);
}

/** A refusal of a header cell or of the header as a whole (line 1 of the file). */
export interface HeaderProblem {
	line: 1;
	column: ColumnId | null;
	/** The header cell as written, or '' for a missing column. */
	value: string;
	key: MessageKey;
	params?: Record<string, string | number>;
}

export type HeaderMatch =
	| {
			ok: true;
			format: SignalsFormat;
			/** The column of each header cell, by position; null for an empty header cell (ignored). */
			columns: readonly (ColumnId | null)[];
	  }
	| { ok: false; format: SignalsFormat | null; problems: HeaderProblem[] };

/**
 * Recognises the format of a file from its header row and maps each header cell to a column.
 * The format is the one whose required columns are all present; when several qualify, the one that
 * recognises the most header cells wins, and a tie is refused as ambiguous. In the chosen format
 * every non-empty header cell must be a known column, once: an unknown column is refused rather
 * than ignored, so that names or national register numbers are not uploaded by mistake.
 * `only` limits the formats considered (for an upload form that expects one).
 */
export function detectSignalsFormat(
	header: readonly string[],
	only: readonly SignalsFormat[] = SIGNALS_FORMATS
): HeaderMatch {
	const normalised = header.map(normaliseHeader);
	let best: SignalsFormat | null = null;
	let bestScore = -1;
	let bestComplete = false;
	let tie = false;
	for (const format of only) {
		const aliases = ALIASES[format];
		const found = new Set<ColumnId>();
		let score = 0;
		for (const n of normalised) {
			const id = aliases.get(n);
			if (id) {
				score++;
				found.add(id);
			}
		}
		const complete = COLUMNS[format].every((c) => !c.required || found.has(c.id));
		// A complete format beats any incomplete one; among equals, the most recognised cells win.
		if (complete !== bestComplete ? complete : score > bestScore) {
			best = format;
			bestScore = score;
			bestComplete = complete;
			tie = false;
		} else if (complete === bestComplete && score === bestScore) tie = true;
	}
	if (best === null || bestScore === 0 || (!bestComplete && tooFewRequired(best, normalised)))
		return {
			ok: false,
			format: null,
			problems: [{ line: 1, column: null, value: '', key: 'signals.format.unknown' }]
		};
	if (tie && bestComplete)
		return {
			ok: false,
			format: null,
			problems: [{ line: 1, column: null, value: '', key: 'signals.format.ambiguous' }]
		};

	const aliases = ALIASES[best];
	const problems: HeaderProblem[] = [];
	const columns: (ColumnId | null)[] = [];
	const firstHeader = new Map<ColumnId, string>();
	header.forEach((cell, index) => {
		const n = normalised[index]!;
		if (n === '') {
			// Excel writes an empty header cell after a trailing delimiter; its column is ignored.
			columns.push(null);
			return;
		}
		const id = aliases.get(n) ?? null;
		columns.push(id);
		if (!id) problems.push({ line: 1, column: null, value: cell, key: 'signals.format.unknownColumn' });
		else if (firstHeader.has(id))
			problems.push({
				line: 1,
				column: id,
				value: cell,
				key: 'signals.format.duplicateColumn',
				params: { header: firstHeader.get(id)! }
			});
		else firstHeader.set(id, cell);
	});
	for (const column of COLUMNS[best]) {
		if (column.required && !firstHeader.has(column.id))
			problems.push({ line: 1, column: column.id, value: '', key: 'signals.format.missingColumn' });
	}
	if (problems.length) return { ok: false, format: best, problems };
	return { ok: true, format: best, columns };
}

/**
 * A header with at most one of the best format's required columns is of another kind (a staff list
 * whose only known column is `Afdeling`, say): it is refused as an unknown format rather than with
 * a message for every column, and the upload form offers the mapping step.
 */
function tooFewRequired(format: SignalsFormat, normalised: readonly string[]): boolean {
	const found = new Set(normalised.map((n) => ALIASES[format].get(n)));
	return COLUMNS[format].filter((c) => c.required && found.has(c.id)).length < 2;
}

/** Words accepted in the type column, normalised like headers. */
export type AbsenceType = 'sickness' | 'work-accident' | 'other';
export const ABSENCE_TYPES: ReadonlyMap<string, AbsenceType> = wordIndex<AbsenceType>({
	// Belgian payroll files group sickness with accidents in private life (guaranteed salary); an
	// occupational disease is sickness for these figures too.
	sickness: [
		'ziekte',
		'ziek',
		'ziekteverlof',
		'ongevalprive',
		'ongevalprivéleven',
		'beroepsziekte',
		'maladie',
		'accidentprive',
		'accidentvieprivee',
		'maladieprofessionnelle',
		'sickness',
		'sick',
		'illness',
		'sickleave',
		'privateaccident',
		'occupationaldisease'
	],
	// Accidents on the way to or from work are work accidents under Belgian law.
	'work-accident': [
		'arbeidsongeval',
		'werkongeval',
		'ongevalophetwerk',
		'arbeidswegongeval',
		'accidentdutravail',
		'accidentdetravail',
		'accidenttravail',
		'accidentsurlechemindutravail',
		'workaccident',
		'accidentatwork',
		'occupationalaccident',
		'commutingaccident'
	],
	other: [
		'ander',
		'andere',
		'anders',
		'overig',
		'moederschapsrust',
		'zwangerschapsverlof',
		'autre',
		'autres',
		'maternite',
		'congedematernite',
		'other',
		'maternity',
		'maternityleave'
	]
});

export type LeaveReason = 'voluntary' | 'involuntary' | 'other';
export const LEAVE_REASONS: ReadonlyMap<string, LeaveReason> = wordIndex<LeaveReason>({
	voluntary: [
		'vrijwillig',
		'ontslagdoorwerknemer',
		'eigenontslag',
		'volontaire',
		'departvolontaire',
		'demission',
		'voluntary',
		'resignation',
		'resigned'
	],
	involuntary: [
		'onvrijwillig',
		'ontslagdoorwerkgever',
		'ontslag',
		'afdanking',
		'involontaire',
		'departinvolontaire',
		'licenciement',
		'involuntary',
		'dismissal',
		'dismissed',
		'layoff'
	],
	// Retirement, death and the end of a fixed-term contract lower the headcount but are not turnover.
	other: [
		'pensioen',
		'overlijden',
		'eindecontract',
		'eindeovereenkomst',
		'ander',
		'andere',
		'retraite',
		'pension',
		'deces',
		'findecontrat',
		'autre',
		'retirement',
		'death',
		'endofcontract',
		'other'
	]
});

function wordIndex<T extends string>(words: Record<T, readonly string[]>): Map<string, T> {
	const index = new Map<string, T>();
	for (const [value, list] of Object.entries(words) as [T, string[]][])
		for (const word of list) index.set(normaliseHeader(word), value);
	return index;
}

/** The words the template and the docs show for each type and reason. */
export const TYPE_WORDS: Record<Language, Record<AbsenceType, string>> = {
	nl: { sickness: 'ziekte', 'work-accident': 'arbeidsongeval', other: 'ander' },
	fr: { sickness: 'maladie', 'work-accident': 'accident du travail', other: 'autre' },
	en: { sickness: 'sickness', 'work-accident': 'work accident', other: 'other' }
};
export const REASON_WORDS: Record<Language, Record<LeaveReason, string>> = {
	nl: { voluntary: 'vrijwillig', involuntary: 'onvrijwillig', other: 'ander' },
	fr: { voluntary: 'volontaire', involuntary: 'involontaire', other: 'autre' },
	en: { voluntary: 'voluntary', involuntary: 'involuntary', other: 'other' }
};

/**
 * A downloadable template: the header in one language and a few example rows, written the way a
 * Belgian spreadsheet writes them (dd/mm/yyyy, decimal comma). Optional columns are all included.
 */
export function signalsTemplate(
	format: SignalsFormat,
	language: Language
): { header: string[]; rows: string[][] } {
	const header = COLUMNS[format].map((c) => c.headers[language][0]!);
	const type = TYPE_WORDS[language];
	const reason = REASON_WORDS[language];
	const rows: Record<SignalsFormat, string[][]> = {
		monthly: [
			// unit, month, headcount, FTE, planned, short, medium, long, spells, 3+, vol, invol,
			// new > 4 w, > 1 y, accidents, adaptation, psychosocial, spells ended, their workdays
			[
				'ZORG-A',
				'01/2025',
				'24',
				'21,5',
				'473',
				'14,5',
				'8',
				'0',
				'6',
				'1',
				'1',
				'0',
				'0',
				'0',
				'0',
				'0',
				'0',
				'5',
				'11,5'
			],
			[
				'ZORG-A',
				'02/2025',
				'24',
				'21,5',
				'430',
				'9',
				'20',
				'0',
				'3',
				'1',
				'0',
				'0',
				'1',
				'0',
				'1',
				'1',
				'0',
				'3',
				'7'
			]
		],
		spells: [
			['a81f2c', 'ZORG-A', '30/01/2025', '04/03/2025', type.sickness],
			['a81f2c', 'ZORG-A', '14/04/2025', '', type.sickness],
			['c07e9d', 'ZORG-B', '03/02/2025', '05/02/2025', type['work-accident']]
		],
		staffing: [
			['a81f2c', 'ZORG-A', '0,8', '01/09/2019', '', ''],
			['c07e9d', 'ZORG-B', '1', '15/03/2021', '30/06/2025', reason.voluntary]
		]
	};
	return { header, rows: rows[format] };
}
