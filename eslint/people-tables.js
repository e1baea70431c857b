/**
 * The tables of answers and figures about people, and the rule that keeps their names out of every
 * module but the analytics gate and the writers (eslint.config.js lists them). It looks where Kysely
 * and SQL name a table: the first argument of selectFrom, insertInto, updateTable, deleteFrom,
 * mergeInto, the joins and with; sql.table, sql.id, sql.ref and sql.raw; and the text of sql``
 * templates. A table name in a variable is not seen: write table names as literals.
 */
export const PEOPLE_TABLES = [
	'response',
	'response_sealed',
	'wave_unit_summary',
	'wave_summary_pack',
	'wave_result',
	'signal_month',
	'signal_figure',
	'disclosure_release',
	'perception_answer'
];

const TABLE_METHODS = new Set([
	'selectFrom',
	'insertInto',
	'replaceInto',
	'updateTable',
	'deleteFrom',
	'mergeInto',
	'using',
	'innerJoin',
	'leftJoin',
	'rightJoin',
	'fullJoin',
	'crossJoin',
	'innerJoinLateral',
	'leftJoinLateral',
	'crossJoinLateral',
	'with',
	'withRecursive',
	'withMaterialized',
	'withNotMaterialized'
]);
const SQL_HELPERS = new Set(['table', 'id', 'ref', 'raw']);
const NAMES = new Set(PEOPLE_TABLES);
const IN_TEXT = new RegExp(`(?<![\\w$])(${PEOPLE_TABLES.join('|')})(?![\\w$])`);

/** @typedef {import('estree').Node} Node */

/**
 * 'public.response as r' → 'response'.
 * @param {string} text
 */
const tableOf = (text) =>
	(
		text
			.trim()
			.split(/\s+as\s+/i)[0]
			?.split('.')
			.at(-1) ?? ''
	).replace(/"/g, '');

/**
 * String literals an argument spells out: a literal, a template without expressions, an array of them.
 * @param {Node | null | undefined} node
 * @returns {{ node: Node; text: string }[]}
 */
function literals(node) {
	if (!node) return [];
	if (node.type === 'Literal' && typeof node.value === 'string') return [{ node, text: node.value }];
	if (node.type === 'TemplateLiteral' && node.expressions.length === 0)
		return [{ node, text: node.quasis[0]?.value.cooked ?? '' }];
	if (node.type === 'ArrayExpression') return node.elements.flatMap((element) => literals(element));
	return [];
}

/** @param {Node} member */
const propertyName = (member) =>
	member.type === 'MemberExpression' && !member.computed && member.property.type === 'Identifier'
		? member.property.name
		: null;

/** @type {import('eslint').Rule.RuleModule} */
export const peopleTables = {
	meta: {
		type: 'problem',
		docs: { description: 'Only the analytics gate and the writers name the tables of answers and figures' },
		messages: {
			named:
				"'{{table}}' holds answers or figures about people: only the analytics gate and the modules that write it may name it (eslint.config.js)"
		},
		schema: []
	},
	create(context) {
		/** @param {Node} node @param {string} table */
		const report = (node, table) => context.report({ node, messageId: 'named', data: { table } });
		return {
			CallExpression(node) {
				const callee = node.callee;
				const name = propertyName(callee);
				if (!name) return;
				const object = callee.type === 'MemberExpression' ? callee.object : null;
				const isSqlHelper = SQL_HELPERS.has(name) && object?.type === 'Identifier' && object.name === 'sql';
				if (isSqlHelper) {
					for (const { node: at, text } of literals(node.arguments[0])) {
						const match = name === 'raw' ? IN_TEXT.exec(text)?.[1] : tableOf(text);
						if (match && NAMES.has(match)) report(at, match);
					}
				} else if (TABLE_METHODS.has(name)) {
					for (const { node: at, text } of literals(node.arguments[0])) {
						const table = tableOf(text);
						if (NAMES.has(table)) report(at, table);
					}
				}
			},
			TaggedTemplateExpression(node) {
				const tag = node.tag;
				const isSql =
					(tag.type === 'Identifier' && tag.name === 'sql') ||
					(tag.type === 'MemberExpression' && tag.object.type === 'Identifier' && tag.object.name === 'sql');
				if (!isSql) return;
				for (const quasi of node.quasi.quasis) {
					const match = IN_TEXT.exec(quasi.value.cooked ?? quasi.value.raw)?.[1];
					if (match) report(quasi, match);
				}
			}
		};
	}
};

export default { rules: { 'people-tables': peopleTables } };
