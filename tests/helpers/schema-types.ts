import ts from 'typescript';

/**
 * The table types of src/lib/server/db/schema.ts set against the migrated database, column by
 * column: the kind of value a select returns, whether it can be null, and whether an insert may
 * leave it out. TypeScript types are gone at run time, so the file is read with the TypeScript
 * parser: each table interface of `Database`, its members (inherited ones included), the local
 * type aliases they use (`Timestamp`, `Language`, ...) and Kysely's `Generated<>` and
 * `ColumnType<Select, Insert, Update>` wrappers.
 */

/** What a select returns, as far as the database type can tell. */
export type Kind =
	| 'string'
	| 'number'
	| 'boolean'
	| 'Date'
	| 'json'
	| 'enum'
	| 'bytes'
	| 'number[]'
	| 'string[]'
	| 'boolean[]';

export interface DeclaredColumn {
	/** The member's type as written in the file. */
	text: string;
	kind: Kind;
	/** The select type includes `null`. */
	nullable: boolean;
	/** An insert may leave the column out: `Generated<>`, or a `ColumnType` insert type with `undefined` or `never`. */
	insertOptional: boolean;
}

export type DeclaredSchema = Record<string, Record<string, DeclaredColumn>>;

/** A row of information_schema.columns. */
export interface DatabaseColumn {
	table_name: string;
	column_name: string;
	/** The type's name in pg_type: int4, text, timestamptz, _int4 for an int4 array, ... */
	udt_name: string;
	is_nullable: 'YES' | 'NO';
	column_default: string | null;
	is_identity: 'YES' | 'NO';
}

/**
 * The database types each kind may be stored as, given how src/lib/server/db/connect.ts reads
 * values on both engines: bigint as a number, date as a 'yyyy-mm-dd' string, numeric as a string
 * (exact), bytea as a Buffer (a Uint8Array), jsonb parsed.
 */
export const ALLOWED_PAIRS: Record<Kind, readonly string[]> = {
	string: ['text', 'varchar', 'bpchar', 'uuid', 'date', 'numeric'],
	enum: ['text', 'varchar'],
	number: ['int2', 'int4', 'int8', 'float4', 'float8'],
	boolean: ['bool'],
	Date: ['timestamptz', 'timestamp'],
	json: ['jsonb', 'json'],
	bytes: ['bytea'],
	'number[]': ['_int2', '_int4', '_int8', '_float4', '_float8', 'jsonb', 'json'],
	'string[]': ['_text', '_varchar', '_uuid', 'jsonb', 'json'],
	'boolean[]': ['_bool', 'jsonb', 'json']
};

class UnclassifiableType extends Error {}

interface Declarations {
	aliases: Map<string, ts.TypeNode>;
	interfaces: Map<string, ts.InterfaceDeclaration>;
	source: ts.SourceFile;
}

function collect(source: ts.SourceFile): Declarations {
	const aliases = new Map<string, ts.TypeNode>();
	const interfaces = new Map<string, ts.InterfaceDeclaration>();
	for (const statement of source.statements) {
		if (ts.isTypeAliasDeclaration(statement)) aliases.set(statement.name.text, statement.type);
		if (ts.isInterfaceDeclaration(statement)) interfaces.set(statement.name.text, statement);
	}
	return { aliases, interfaces, source };
}

const isNull = (node: ts.TypeNode) =>
	ts.isLiteralTypeNode(node) && node.literal.kind === ts.SyntaxKind.NullKeyword;
const isUndefined = (node: ts.TypeNode) => node.kind === ts.SyntaxKind.UndefinedKeyword;
const isNever = (node: ts.TypeNode) => node.kind === ts.SyntaxKind.NeverKeyword;
const refName = (node: ts.TypeReferenceNode) => node.typeName.getText();

/** The alias a reference names, followed to what it stands for. */
function resolve(node: ts.TypeNode, decls: Declarations): ts.TypeNode {
	let current = node;
	for (let depth = 0; depth < 20; depth++) {
		if (ts.isParenthesizedTypeNode(current)) current = current.type;
		else if (ts.isTypeReferenceNode(current) && !current.typeArguments && decls.aliases.has(refName(current)))
			current = decls.aliases.get(refName(current))!;
		else return current;
	}
	throw new UnclassifiableType(`alias loop at ${node.getText()}`);
}

/** The members of a union (a lone type is a union of one), aliases followed and nested unions flattened. */
function unionMembers(node: ts.TypeNode, decls: Declarations): ts.TypeNode[] {
	const resolved = resolve(node, decls);
	return ts.isUnionTypeNode(resolved) ? resolved.types.flatMap((t) => unionMembers(t, decls)) : [resolved];
}

/** May an insert leave the column out, given the insert type of a ColumnType? */
function optionalInsert(node: ts.TypeNode, decls: Declarations): boolean {
	return unionMembers(node, decls).some((m) => isUndefined(m) || isNever(m));
}

function isStringLiteral(node: ts.TypeNode) {
	return ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal);
}

/** The kind of one member of a select type (not null, not a union, aliases followed). */
function valueKind(type: ts.TypeNode, decls: Declarations): Kind {
	switch (type.kind) {
		case ts.SyntaxKind.StringKeyword:
			return 'string';
		case ts.SyntaxKind.NumberKeyword:
			return 'number';
		case ts.SyntaxKind.BooleanKeyword:
			return 'boolean';
		case ts.SyntaxKind.UnknownKeyword:
			return 'json';
	}
	if (isStringLiteral(type)) return 'enum';
	if (ts.isTypeLiteralNode(type)) return 'json';
	if (ts.isArrayTypeNode(type)) {
		const element = resolve(type.elementType, decls);
		if (element.kind === ts.SyntaxKind.NumberKeyword) return 'number[]';
		if (element.kind === ts.SyntaxKind.StringKeyword) return 'string[]';
		if (element.kind === ts.SyntaxKind.BooleanKeyword) return 'boolean[]';
		return 'json';
	}
	if (ts.isTypeReferenceNode(type)) {
		const name = refName(type);
		if (name === 'Date') return 'Date';
		if (name === 'Uint8Array' || name === 'Buffer') return 'bytes';
		if (name === 'Record') return 'json';
		// Interfaces, local or imported (UnitNode): an object, which only json can hold.
		if (!type.typeArguments) return 'json';
	}
	throw new UnclassifiableType(`cannot classify ${type.getText()}`);
}

/** A member's type: Kysely's wrappers unwrapped, null split off. */
function classifyColumn(node: ts.TypeNode, decls: Declarations): DeclaredColumn {
	let nullable = false;
	let insertOptional = false;
	const values: ts.TypeNode[] = [];
	const addSelect = (select: ts.TypeNode) => {
		for (const m of unionMembers(select, decls)) {
			if (isNull(m)) nullable = true;
			else values.push(m);
		}
	};
	for (const member of unionMembers(node, decls)) {
		const name = ts.isTypeReferenceNode(member) ? refName(member) : undefined;
		const args = ts.isTypeReferenceNode(member) ? (member.typeArguments ?? []) : [];
		if ((name === 'Generated' || name === 'GeneratedAlways') && args[0]) {
			addSelect(args[0]);
			insertOptional = true;
		} else if (name === 'ColumnType' && args[0]) {
			addSelect(args[0]);
			insertOptional ||= optionalInsert(args[1] ?? args[0], decls);
		} else addSelect(member);
	}
	if (values.length === 0) throw new UnclassifiableType(`only null: ${node.getText()}`);
	// Each value is a single type here; a union of string literals gives 'enum' for each of them.
	const kinds = new Set(values.map((v) => valueKind(v, decls)));
	if (kinds.size !== 1)
		throw new UnclassifiableType(`mixed kinds ${[...kinds].join(', ')}: ${node.getText()}`);
	return { text: node.getText(decls.source), kind: [...kinds][0]!, nullable, insertOptional };
}

function membersOf(name: string, decls: Declarations): Map<string, ts.TypeNode> {
	const decl = decls.interfaces.get(name);
	if (!decl) throw new Error(`No interface ${name} in the schema file`);
	const members = new Map<string, ts.TypeNode>();
	for (const clause of decl.heritageClauses ?? [])
		for (const base of clause.types)
			for (const [k, v] of membersOf(base.expression.getText(), decls)) members.set(k, v);
	for (const member of decl.members) {
		if (!ts.isPropertySignature(member) || !member.type) continue;
		members.set(member.name.getText(), member.type);
	}
	return members;
}

/** Every table of the `Database` interface in a schema file's text, with its columns' declared types. */
export function readDeclaredSchema(text: string, fileName = 'schema.ts'): DeclaredSchema {
	const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
	const decls = collect(source);
	const schema: DeclaredSchema = {};
	for (const [table, node] of membersOf('Database', decls)) {
		if (!ts.isTypeReferenceNode(node)) throw new Error(`Database.${table} is not an interface name`);
		const columns: Record<string, DeclaredColumn> = {};
		for (const [column, type] of membersOf(refName(node), decls)) {
			try {
				columns[column] = classifyColumn(type, decls);
			} catch (e) {
				if (e instanceof UnclassifiableType)
					throw new Error(`${table}.${column}: ${e.message}`, { cause: e });
				throw e;
			}
		}
		schema[table] = columns;
	}
	return schema;
}

/** The database fills the column when an insert leaves it out. */
const hasDefault = (c: DatabaseColumn) => c.column_default !== null || c.is_identity === 'YES';

/**
 * Where the declared types and the database disagree, one line each (none when they agree):
 * tables and columns missing on either side, kinds the database type cannot hold, nullability, and
 * defaults (a NOT NULL column an insert may leave out needs a database default, and one with a
 * default should be declared optional on insert).
 */
export function compareSchema(declared: DeclaredSchema, actual: readonly DatabaseColumn[]): string[] {
	const problems: string[] = [];
	const byTable = new Map<string, Map<string, DatabaseColumn>>();
	for (const c of actual) {
		if (!byTable.has(c.table_name)) byTable.set(c.table_name, new Map());
		byTable.get(c.table_name)!.set(c.column_name, c);
	}
	for (const table of byTable.keys())
		if (!(table in declared)) problems.push(`${table}: table in the database, not declared`);
	for (const [table, columns] of Object.entries(declared)) {
		const dbColumns = byTable.get(table);
		if (!dbColumns) {
			problems.push(`${table}: declared, no such table in the database`);
			continue;
		}
		for (const column of dbColumns.keys())
			if (!(column in columns)) problems.push(`${table}.${column}: column in the database, not declared`);
		for (const [column, d] of Object.entries(columns)) {
			const c = dbColumns.get(column);
			const at = `${table}.${column}`;
			if (!c) {
				problems.push(`${at}: declared, no such column in the database`);
				continue;
			}
			if (!ALLOWED_PAIRS[d.kind].includes(c.udt_name))
				problems.push(`${at}: declared ${d.text} (${d.kind}), the database has ${c.udt_name}`);
			const dbNullable = c.is_nullable === 'YES';
			if (d.nullable && !dbNullable)
				problems.push(`${at}: declared nullable (${d.text}), the column is NOT NULL`);
			if (!d.nullable && dbNullable)
				problems.push(`${at}: the column is nullable, declared ${d.text} without null`);
			if (!dbNullable && d.insertOptional && !hasDefault(c))
				problems.push(`${at}: declared optional on insert (${d.text}), the column has no default`);
			if (!dbNullable && !d.insertOptional && hasDefault(c))
				problems.push(
					`${at}: the column has a default (${c.column_default ?? 'identity'}), declared ${d.text} is required on insert`
				);
		}
	}
	return problems;
}
