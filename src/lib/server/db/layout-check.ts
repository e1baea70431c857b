import { sql, type Kysely } from 'kysely';
import { DISTRIBUTION_COLUMN, type TablePlacement } from './layout';

/** What the layout check reads: the placement of each table and the accepted exceptions. */
export interface LayoutRules {
	tables: Readonly<Record<string, TablePlacement>>;
	/** Unique indexes on distributed tables allowed to leave out the distribution column. */
	globalUniqueIndexes?: readonly string[];
}

interface TableRow {
	name: string;
	org_not_null: boolean | null;
}

interface UniqueRow {
	table_name: string;
	index_name: string;
	columns: (string | null)[];
}

interface ForeignKeyRow {
	name: string;
	table_name: string;
	ref_table: string;
	columns: string[];
	ref_columns: string[];
}

/**
 * Reads one schema's tables, unique indexes and foreign keys from pg_catalog and lists every way
 * they break a distributed layout (Citus, distribution column organisation_id). Empty means the
 * schema can be distributed as declared.
 */
export async function checkLayout(
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	db: Kysely<any>,
	schema: string,
	rules: LayoutRules
): Promise<string[]> {
	const col = DISTRIBUTION_COLUMN;
	const tables = await sql<TableRow>`
		select c.relname as name,
			(select a.attnotnull from pg_attribute a
				where a.attrelid = c.oid and a.attname = ${col} and not a.attisdropped) as org_not_null
		from pg_class c join pg_namespace n on n.oid = c.relnamespace
		where n.nspname = ${schema} and c.relkind in ('r', 'p') and not c.relispartition
		order by c.relname`.execute(db);
	// Primary keys and unique constraints are unique indexes too, so this one list covers all three.
	const uniques = await sql<UniqueRow>`
		select t.relname as table_name, ic.relname as index_name,
			array_to_json(array(
				select a.attname from unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
				left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
				order by k.ord)) as columns
		from pg_index i
		join pg_class t on t.oid = i.indrelid
		join pg_class ic on ic.oid = i.indexrelid
		join pg_namespace n on n.oid = t.relnamespace
		where n.nspname = ${schema} and i.indisunique
		order by t.relname, ic.relname`.execute(db);
	const foreignKeys = await sql<ForeignKeyRow>`
		select con.conname as name, t.relname as table_name, r.relname as ref_table,
			array_to_json(array(
				select a.attname from unnest(con.conkey) with ordinality k(attnum, ord)
				join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
				order by k.ord)) as columns,
			array_to_json(array(
				select a.attname from unnest(con.confkey) with ordinality k(attnum, ord)
				join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum
				order by k.ord)) as ref_columns
		from pg_constraint con
		join pg_class t on t.oid = con.conrelid
		join pg_class r on r.oid = con.confrelid
		join pg_namespace n on n.oid = t.relnamespace
		where n.nspname = ${schema} and con.contype = 'f'
		order by t.relname, con.conname`.execute(db);

	const problems: string[] = [];
	const placementOf = (table: string): TablePlacement | undefined =>
		Object.hasOwn(rules.tables, table) ? rules.tables[table] : undefined;

	for (const table of tables.rows) {
		const placement = placementOf(table.name);
		if (!placement) {
			problems.push(`${table.name}: not classified in the table layout`);
		} else if (placement === 'distributed' && table.org_not_null !== true) {
			problems.push(
				table.org_not_null === null
					? `${table.name}: distributed but has no ${col}`
					: `${table.name}: distributed but ${col} may be null`
			);
		} else if (placement !== 'distributed' && table.org_not_null !== null) {
			problems.push(`${table.name}: ${placement} but has ${col}`);
		}
	}

	const accepted = new Set(rules.globalUniqueIndexes ?? []);
	for (const unique of uniques.rows) {
		if (placementOf(unique.table_name) !== 'distributed') continue;
		if (unique.columns.includes(col) || accepted.has(unique.index_name)) continue;
		problems.push(`${unique.table_name}: unique index ${unique.index_name} leaves out ${col}`);
	}

	for (const fk of foreignKeys.rows) {
		const from = placementOf(fk.table_name);
		const to = placementOf(fk.ref_table);
		if (!from || !to) continue; // already reported as unclassified
		const where = `${fk.table_name}: foreign key ${fk.name} to ${fk.ref_table}`;
		if (to === 'distributed' && from !== 'distributed') {
			problems.push(`${where}: a ${from} table may not refer to a distributed one`);
		} else if (from === 'distributed' && to === 'local') {
			problems.push(`${where}: a distributed table may refer only to distributed or reference tables`);
		} else if (from === 'distributed' && to === 'distributed') {
			const position = fk.columns.indexOf(col);
			if (position < 0 || fk.ref_columns[position] !== col) {
				problems.push(`${where}: does not pair ${col} with ${col}`);
			}
		}
	}
	return problems;
}
