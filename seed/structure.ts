import { createRandom } from './random';

/** A unit as the generators produce it: parent by code, so it can be inserted or written as CSV. */
export interface SeedUnit {
	code: string;
	name: string;
	parentCode: string | null;
	headcount: number;
}

interface Division {
	code: string;
	name: string;
	teams: Array<[code: string, name: string, min: number, max: number]>;
}

// A Flemish care group: two residential care centres, a hospital campus, home care, a psychiatric
// centre and support services. Headcount ranges are per team; a few teams are smaller than 5 on purpose.
const DIVISIONS: Division[] = [
	{
		code: 'LIN',
		name: 'Woonzorgcentrum De Linde',
		teams: [
			['LIN-EIK', 'Afdeling Eik (dementie)', 34, 41],
			['LIN-BEU', 'Afdeling Beuk', 29, 37],
			['LIN-WIL', 'Afdeling Wilg', 27, 34],
			['LIN-NAC', 'Nachtdienst', 12, 17],
			['LIN-KEU', 'Keuken', 15, 20],
			['LIN-ANI', 'Animatie', 3, 4],
			['LIN-KIN', 'Kinesitherapie en ergotherapie', 6, 8]
		]
	},
	{
		code: 'BEK',
		name: 'Woonzorgcentrum Ter Beke',
		teams: [
			['BEK-ZON', 'Afdeling Zonnebloem', 32, 39],
			['BEK-KLA', 'Afdeling Klaproos', 29, 37],
			['BEK-NAC', 'Nachtdienst', 10, 13],
			['BEK-ONH', 'Onderhoud en schoonmaak', 17, 22],
			['BEK-PAS', 'Pastorale zorg', 2, 3]
		]
	},
	{
		code: 'AZ',
		name: 'Ziekenhuis campus Zuid',
		teams: [
			['AZ-SPO', 'Spoedgevallen', 59, 68],
			['AZ-IZ', 'Intensieve zorg', 46, 56],
			['AZ-CHI', 'Chirurgie', 76, 85],
			['AZ-INW', 'Inwendige geneeskunde', 85, 98],
			['AZ-GER', 'Geriatrie', 49, 59],
			['AZ-MAT', 'Materniteit', 34, 41],
			['AZ-OK', 'Operatiekwartier', 54, 63],
			['AZ-LAB', 'Klinisch labo', 27, 34],
			['AZ-RAD', 'Medische beeldvorming', 24, 32],
			['AZ-APO', 'Ziekenhuisapotheek', 15, 20],
			['AZ-SOC', 'Sociale dienst', 5, 7],
			['AZ-PED', 'Pediatrie', 37, 44],
			['AZ-OMB', 'Ombudsdienst', 2, 2]
		]
	},
	{
		code: 'THZ',
		name: 'Thuiszorg',
		teams: [
			['THZ-NRD', 'Thuisverpleging regio Noord', 41, 49],
			['THZ-ZUI', 'Thuisverpleging regio Zuid', 37, 44],
			['THZ-GEZ', 'Gezinszorg', 49, 59],
			['THZ-PLA', 'Planning', 4, 4]
		]
	},
	{
		code: 'PC',
		name: 'Psychiatrisch centrum Sint-Anna',
		teams: [
			['PC-OPN', 'Opname-afdeling', 37, 44],
			['PC-LAN', 'Langdurige zorg', 32, 39],
			['PC-DAG', 'Dagkliniek', 17, 22],
			['PC-JEU', 'Jeugdpsychiatrie', 22, 27]
		]
	},
	{
		code: 'OND',
		name: 'Ondersteunende diensten',
		teams: [
			['OND-HR', 'Personeelsdienst', 13, 17],
			['OND-ICT', 'ICT', 15, 18],
			['OND-TEC', 'Technische dienst', 20, 24],
			['OND-LOG', 'Logistiek en aankoop', 22, 27],
			['OND-KWA', 'Kwaliteitscel', 3, 4],
			['OND-ONT', 'Onthaal en secretariaat', 17, 22]
		]
	}
];

export const DEMO_ROOT_CODE = 'ZZ';

/** The demo care group: one root, six divisions, their teams. Deterministic. */
export function demoUnits(seed = 2026): SeedUnit[] {
	const random = createRandom(seed);
	const units: SeedUnit[] = [];
	const teams: SeedUnit[] = [];
	for (const division of DIVISIONS) {
		const children = division.teams.map(([code, name, min, max]) => ({
			code,
			name,
			parentCode: division.code,
			headcount: random.int(min, max)
		}));
		teams.push(...children);
		units.push({
			code: division.code,
			name: division.name,
			parentCode: DEMO_ROOT_CODE,
			// Division staff not in a team (direction, head nurses) count in the division itself.
			headcount: random.int(2, 6)
		});
	}
	units.unshift({
		code: DEMO_ROOT_CODE,
		name: 'Zorggroep Zonnedael',
		parentCode: null,
		headcount: random.int(6, 9)
	});
	return [...units, ...teams];
}

/** A second, small demo organisation: shows that organisations never see each other. */
export function secondDemoUnits(): SeedUnit[] {
	return [
		{ code: 'LB', name: 'Stad Lindebeek', parentCode: null, headcount: 4 },
		{ code: 'LB-BUR', name: 'Burgerzaken', parentCode: 'LB', headcount: 18 },
		{ code: 'LB-TEC', name: 'Technische uitvoeringsdienst', parentCode: 'LB', headcount: 42 },
		{ code: 'LB-WZ', name: 'Welzijn', parentCode: 'LB', headcount: 23 }
	];
}

/**
 * A large synthetic organisation for benchmarks: `units` units on four levels (root, 10 regions,
 * departments, teams) and about `employees` employees spread over the teams.
 */
export function largeUnits(options: { units?: number; employees?: number; seed?: number } = {}): SeedUnit[] {
	const total = options.units ?? 2500;
	const employees = options.employees ?? 50_000;
	const random = createRandom(options.seed ?? 7);
	const regions = 10;
	const departments = Math.max(regions, Math.round(total / 25));
	const teams = total - 1 - regions - departments;
	const units: SeedUnit[] = [{ code: 'L', name: 'Synthetische organisatie', parentCode: null, headcount: 0 }];
	for (let r = 0; r < regions; r++)
		units.push({ code: `L-R${r}`, name: `Regio ${r + 1}`, parentCode: 'L', headcount: 0 });
	for (let d = 0; d < departments; d++) {
		units.push({
			code: `L-D${d}`,
			name: `Departement ${d + 1}`,
			parentCode: `L-R${d % regions}`,
			headcount: 0
		});
	}
	// Team sizes vary from a tenth to almost twice the mean; rounding is spread so the total is exact.
	const weights = Array.from({ length: teams }, () => 0.1 + random.next() * 1.8);
	const weightSum = weights.reduce((s, w) => s + w, 0);
	const sizes = weights.map((w) => Math.max(1, Math.floor((employees * w) / weightSum)));
	let remainder = employees - sizes.reduce((s, n) => s + n, 0);
	for (let t = 0; remainder > 0; t = (t + 1) % teams, remainder--) sizes[t]! += 1;
	sizes.forEach((size, t) =>
		units.push({
			code: `L-T${t}`,
			name: `Team ${t + 1}`,
			parentCode: `L-D${t % departments}`,
			headcount: size
		})
	);
	return units;
}
