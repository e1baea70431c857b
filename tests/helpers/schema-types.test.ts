import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareSchema, readDeclaredSchema, type DatabaseColumn, type DeclaredColumn } from './schema-types';

const SOURCE = `
import type { ColumnType, Generated } from 'kysely';
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Language = 'nl' | 'fr';
interface Figures { people: number | null }
interface ThingTable extends Figures {
	id: Generated<string>;
	name: string;
	language: ColumnType<Language, Language | undefined, Language>;
	via: 'link' | 'code';
	note: string | null;
	created_at: Timestamp;
	closed_at: Timestamp | null;
	seq: ColumnType<number, never, never>;
	detail: ColumnType<Record<string, unknown>, string | undefined, string>;
	tree: ColumnType<Node[] | null, never, never>;
	scored: number[];
	data: Uint8Array;
	active: ColumnType<boolean, boolean | undefined, boolean>;
}
export interface Database { thing: ThingTable }
`;

const column = (
	column_name: string,
	udt_name: string,
	is_nullable: 'YES' | 'NO' = 'NO',
	column_default: string | null = null,
	is_identity: 'YES' | 'NO' = 'NO'
): DatabaseColumn => ({
	table_name: 'thing',
	column_name,
	udt_name,
	is_nullable,
	column_default,
	is_identity
});

/** The database the source above describes. */
const DATABASE: DatabaseColumn[] = [
	column('people', 'int4', 'YES'),
	column('id', 'uuid', 'NO', 'gen_random_uuid()'),
	column('name', 'text'),
	column('language', 'text', 'NO', "'nl'::text"),
	column('via', 'text'),
	column('note', 'text', 'YES'),
	column('created_at', 'timestamptz', 'NO', 'now()'),
	column('closed_at', 'timestamptz', 'YES'),
	column('seq', 'int8', 'NO', null, 'YES'),
	column('detail', 'jsonb', 'NO', "'{}'::jsonb"),
	column('tree', 'jsonb', 'YES'),
	column('scored', '_int4'),
	column('data', 'bytea'),
	column('active', 'bool', 'NO', 'true')
];

/** The database with one column changed. */
const changed = (name: string, change: Partial<DatabaseColumn>) =>
	DATABASE.map((c) => (c.column_name === name ? { ...c, ...change } : c));

describe('readDeclaredSchema', () => {
	const thing = readDeclaredSchema(SOURCE).thing!;
	type Case = { name: string } & Omit<DeclaredColumn, 'text'>;
	it.each`
		name            | kind          | nullable | insertOptional
		${'people'}     | ${'number'}   | ${true}  | ${false}
		${'id'}         | ${'string'}   | ${false} | ${true}
		${'name'}       | ${'string'}   | ${false} | ${false}
		${'language'}   | ${'enum'}     | ${false} | ${true}
		${'via'}        | ${'enum'}     | ${false} | ${false}
		${'note'}       | ${'string'}   | ${true}  | ${false}
		${'created_at'} | ${'Date'}     | ${false} | ${true}
		${'closed_at'}  | ${'Date'}     | ${true}  | ${true}
		${'seq'}        | ${'number'}   | ${false} | ${true}
		${'detail'}     | ${'json'}     | ${false} | ${true}
		${'tree'}       | ${'json'}     | ${true}  | ${true}
		${'scored'}     | ${'number[]'} | ${false} | ${false}
		${'data'}       | ${'bytes'}    | ${false} | ${false}
		${'active'}     | ${'boolean'}  | ${false} | ${true}
	`('reads $name', ({ name, ...expected }: Case) => {
		expect(thing[name]).toMatchObject(expected);
	});

	it('names the column of a type it cannot classify', () => {
		const source = SOURCE.replace('name: string;', 'name: string | number;');
		expect(() => readDeclaredSchema(source)).toThrow(/^thing\.name: mixed kinds/);
	});

	it('reads every table of the real schema file', () => {
		const text = readFileSync(new URL('../../src/lib/server/db/schema.ts', import.meta.url), 'utf8');
		const schema = readDeclaredSchema(text);
		expect(schema.signal_month?.people).toEqual({
			text: 'number | null',
			kind: 'number',
			nullable: true,
			insertOptional: false
		});
		expect(Object.keys(schema)).toContain('disclosure_release');
	});
});

describe('compareSchema', () => {
	const declared = readDeclaredSchema(SOURCE);

	it('finds nothing when declared types and database agree', () => {
		expect(compareSchema(declared, DATABASE)).toEqual([]);
	});

	type Case = { name: string; database: DatabaseColumn[]; problem: string };
	it.each`
		name                                                   | database                                                           | problem
		${'a nullable column declared without null'}           | ${changed('name', { is_nullable: 'YES' })}                         | ${'thing.name: the column is nullable, declared string without null'}
		${'a NOT NULL column declared with null'}              | ${changed('note', { is_nullable: 'NO' })}                          | ${'thing.note: declared nullable (string | null), the column is NOT NULL'}
		${'a number declared for a text column'}               | ${changed('people', { udt_name: 'text' })}                         | ${'thing.people: declared number | null (number), the database has text'}
		${'a string declared for a bigint (read as a number)'} | ${changed('name', { udt_name: 'int8' })}                           | ${'thing.name: declared string (string), the database has int8'}
		${'an enum declared for a uuid'}                       | ${changed('via', { udt_name: 'uuid' })}                            | ${"thing.via: declared 'link' | 'code' (enum), the database has uuid"}
		${'an array declared for a scalar'}                    | ${changed('scored', { udt_name: 'int4' })}                         | ${'thing.scored: declared number[] (number[]), the database has int4'}
		${'Generated<> on a column without a default'}         | ${changed('id', { column_default: null })}                         | ${'thing.id: declared optional on insert (Generated<string>), the column has no default'}
		${'a default not declared'}                            | ${changed('name', { column_default: "''::text" })}                 | ${"thing.name: the column has a default (''::text), declared string is required on insert"}
		${'a column the types do not have'}                    | ${[...DATABASE, column('extra', 'text')]}                          | ${'thing.extra: column in the database, not declared'}
		${'a declared column the database does not have'}      | ${DATABASE.filter((c) => c.column_name !== 'data')}                | ${'thing.data: declared, no such column in the database'}
		${'a table the types do not have'}                     | ${[...DATABASE, { ...column('id', 'uuid'), table_name: 'other' }]} | ${'other: table in the database, not declared'}
	`('reports $name', ({ database, problem }: Case) => {
		expect(compareSchema(declared, database)).toEqual([problem]);
	});

	it('reports a declared table the database does not have', () => {
		expect(compareSchema(declared, [])).toEqual(['thing: declared, no such table in the database']);
	});
});
