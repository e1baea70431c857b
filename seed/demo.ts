import type { Kysely } from 'kysely';
import { hashPassword } from '../src/lib/server/auth/password';
import { todayInBelgium } from '../src/lib/server/clock';
import type { Database, Role } from '../src/lib/server/db/schema';
import { seedDemoActionPlans } from './action-plans';
import { demoUnits, secondDemoUnits, type SeedUnit } from './structure';
import { seedDemoSignals } from './signals';
import { seedDemoWaves } from './waves';

/** The demo accounts. Their password is printed at start-up; it is a demo, not a secret. */
export const DEMO_PASSWORD = 'zonnedael-demo';

export interface DemoAccount {
	email: string;
	displayName: string;
	role: Role;
	organisation: 'zonnedael' | 'lindebeek';
	/** For a manager: the code of the unit they lead. */
	unitCode?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
	{ email: 'beheer@zonnedael.demo', displayName: 'Bart Janssens', role: 'admin', organisation: 'zonnedael' },
	{
		email: 'preventie@zonnedael.demo',
		displayName: 'Sofie Claes',
		role: 'advisor',
		organisation: 'zonnedael'
	},
	{
		email: 'arbeidsarts@zonnedael.demo',
		displayName: 'Dr. Marc Wouters',
		role: 'advisor',
		organisation: 'zonnedael'
	},
	{ email: 'hr@zonnedael.demo', displayName: 'Lien Maes', role: 'hr', organisation: 'zonnedael' },
	{
		email: 'leiding@zonnedael.demo',
		displayName: 'Koen Peeters',
		role: 'manager',
		organisation: 'zonnedael',
		unitCode: 'LIN'
	},
	{ email: 'beheer@lindebeek.demo', displayName: 'Nadia El Amrani', role: 'admin', organisation: 'lindebeek' }
];

async function insertUnits(
	db: Kysely<Database>,
	organisationId: string,
	units: SeedUnit[]
): Promise<Map<string, string>> {
	const ids = new Map<string, string>();
	// Parents come before their children in the generators' output.
	for (const u of units) {
		const row = await db
			.insertInto('unit')
			.values({
				organisation_id: organisationId,
				parent_id: u.parentCode ? ids.get(u.parentCode)! : null,
				code: u.code,
				name: u.name,
				headcount: u.headcount,
				valid_from: '2024-01-01'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		ids.set(u.code, row.id);
	}
	return ids;
}

/** True when the database holds no organisation yet (a first start). */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
	const row = await db
		.selectFrom('organisation')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n) === 0;
}

/**
 * Creates the demo organisations, their unit trees, one account per role and Zonnedael's barometer
 * waves, collective signals and action plans (dated relative to `today`). Deterministic apart from the link tokens.
 */
export async function seedDemo(db: Kysely<Database>, options: { today?: string } = {}): Promise<void> {
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	await db.transaction().execute(async (trx) => {
		const orgs = {
			zonnedael: await trx
				.insertInto('organisation')
				.values({ name: 'Zorggroep Zonnedael', language: 'nl', is_demo: true })
				.returning('id')
				.executeTakeFirstOrThrow(),
			lindebeek: await trx
				.insertInto('organisation')
				.values({ name: 'Stad Lindebeek', language: 'nl', is_demo: true })
				.returning('id')
				.executeTakeFirstOrThrow()
		};
		const unitIds = {
			zonnedael: await insertUnits(trx, orgs.zonnedael.id, demoUnits()),
			lindebeek: await insertUnits(trx, orgs.lindebeek.id, secondDemoUnits())
		};
		for (const account of DEMO_ACCOUNTS) {
			const user = await trx
				.insertInto('app_user')
				.values({ email: account.email, display_name: account.displayName, password_hash: passwordHash })
				.returning('id')
				.executeTakeFirstOrThrow();
			await trx
				.insertInto('membership')
				.values({
					organisation_id: orgs[account.organisation].id,
					user_id: user.id,
					role: account.role,
					unit_id: account.unitCode ? unitIds[account.organisation].get(account.unitCode)! : null
				})
				.execute();
		}
		const today = options.today ?? todayInBelgium();
		await seedDemoWaves(trx, orgs.zonnedael.id, { today });
		await seedDemoSignals(trx, orgs.zonnedael.id, { today });
		await seedDemoActionPlans(trx, orgs.zonnedael.id, { today });
	});
}

export function describeDemoAccounts(): string {
	const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
	const lines = DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(width)}  ${a.role.padEnd(8)} ${a.displayName}`);
	return [`Demo accounts (password for all: ${DEMO_PASSWORD}):`, ...lines].join('\n');
}
