import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
	ROUTES_DIR,
	endpointKey,
	parseRouteFile,
	routeTree,
	topLevelDeclarations,
	type Endpoint
} from '../../../tests/helpers/route-tree';
import { ROUTE_ACCESS, routeAccess } from './route-access';

/**
 * Every load, form action and endpoint has a declared access rule (route-access.ts), and a handler
 * declared with an Action asks `authorize` for exactly that Action: in its own body, in a function
 * of its file it uses, or in a service function it calls (followed through the imports under
 * src/lib/server and read with the same parser).
 */
const SRC = resolve(ROUTES_DIR, '..');
const SERVER_LIB = join(SRC, 'lib/server');
const ACCESS_MODULE = join(SERVER_LIB, 'access.ts');

const sources = new Map<string, ts.SourceFile>();
function sourceOf(path: string): ts.SourceFile {
	let source = sources.get(path);
	if (!source) {
		source = ts.createSourceFile(
			path,
			readFileSync(path, 'utf8'),
			ts.ScriptTarget.Latest,
			true,
			ts.ScriptKind.TS
		);
		sources.set(path, source);
	}
	return source;
}

/** The file a module specifier names, for `$lib/…` and relative TypeScript imports. */
function resolveModule(specifier: string, from: string): string | null {
	const base = specifier.startsWith('$lib/')
		? join(SRC, 'lib', specifier.slice('$lib/'.length))
		: specifier.startsWith('.')
			? resolve(dirname(from), specifier)
			: null;
	if (!base) return null;
	for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')])
		if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
	return null;
}

/** Imported names of a file: local name → the module file and the exported name. */
function importsOf(source: ts.SourceFile): Map<string, { file: string; name: string }> {
	const imports = new Map<string, { file: string; name: string }>();
	for (const statement of source.statements) {
		if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
		const bindings = statement.importClause?.namedBindings;
		if (!bindings || !ts.isNamedImports(bindings)) continue;
		const file = resolveModule(statement.moduleSpecifier.text, source.fileName);
		if (!file) continue;
		for (const element of bindings.elements)
			imports.set(element.name.text, { file, name: (element.propertyName ?? element.name).text });
	}
	return imports;
}

/** The function a top-level name of a file stands for, if it is one. */
function functionNamed(file: string, name: string): ts.Node | null {
	const node = topLevelDeclarations(sourceOf(file)).get(name);
	return node && ts.isFunctionLike(node) ? node : null;
}

/**
 * The Actions a function asks `authorize` for, each with the chain of functions that leads there.
 * Follows every function it calls or passes on: local ones, and imported ones under src/lib/server.
 */
function authorizedActions(
	node: ts.Node,
	source: ts.SourceFile,
	seen = new Set<ts.Node>()
): Map<string, string[]> {
	const found = new Map<string, string[]>();
	if (seen.has(node)) return found;
	seen.add(node);
	const imports = importsOf(source);
	const declarations = topLevelDeclarations(source);
	const follow = (target: ts.Node, targetSource: ts.SourceFile, label: string) => {
		for (const [action, via] of authorizedActions(target, targetSource, seen))
			if (!found.has(action)) found.set(action, [label, ...via]);
	};
	const visit = (n: ts.Node) => {
		if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) {
			const callee = n.expression.text;
			const imported = imports.get(callee);
			const isAuthorize =
				(imported?.file === ACCESS_MODULE && imported.name === 'authorize') ||
				(source.fileName === ACCESS_MODULE && callee === 'authorize');
			const action = n.arguments[1];
			if (isAuthorize && action && ts.isStringLiteralLike(action) && !found.has(action.text))
				found.set(action.text, [`authorize('${action.text}')`]);
		}
		if (ts.isIdentifier(n) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) {
			const local = declarations.get(n.text);
			if (local && ts.isFunctionLike(local) && local !== node) follow(local, source, n.text);
			const imported = imports.get(n.text);
			if (imported && imported.file.startsWith(SERVER_LIB) && imported.file !== ACCESS_MODULE) {
				const target = functionNamed(imported.file, imported.name);
				if (target)
					follow(
						target,
						sourceOf(imported.file),
						`${imported.name} (${imported.file.slice(SRC.length + 1)})`
					);
			}
		}
		ts.forEachChild(n, visit);
	};
	ts.forEachChild(node, visit);
	return found;
}

/** Whether a handler sends whoever is not signed in away: it tests `!locals.user` or `!locals.actor`. */
function refusesAnonymous(node: ts.Node): boolean {
	let refuses = false;
	const visit = (n: ts.Node) => {
		if (
			ts.isPrefixUnaryExpression(n) &&
			n.operator === ts.SyntaxKind.ExclamationToken &&
			ts.isPropertyAccessExpression(n.operand) &&
			ts.isIdentifier(n.operand.expression) &&
			n.operand.expression.text === 'locals' &&
			['user', 'actor', 'session'].includes(n.operand.name.text)
		)
			refuses = true;
		if (!refuses) ts.forEachChild(n, visit);
	};
	visit(node);
	return refuses;
}

/** What is wrong with the declarations of these endpoints; empty when nothing is. */
function problemsOf(endpoints: Endpoint[]): string[] {
	const problems: string[] = [];
	for (const endpoint of endpoints) {
		const key = endpointKey(endpoint);
		const rule = routeAccess(endpoint.routeId, endpoint.kind);
		if (rule === undefined) problems.push(`${key}: no access declared in route-access.ts`);
		else if (rule === 'signed-in') {
			if (!refusesAnonymous(endpoint.handler))
				problems.push(`${key}: declared signed-in, but never tests locals.user`);
		} else if (typeof rule === 'object') {
			if (rule.public.trim() === '') problems.push(`${key}: public without a reason`);
		} else {
			const actions = authorizedActions(endpoint.handler, endpoint.source);
			if (!actions.has(rule))
				problems.push(
					`${key}: declared ${rule}, but it asks authorize for ${[...actions.keys()].join(', ') || 'nothing'}`
				);
		}
	}
	return problems;
}

const tree = routeTree();

describe('the route tree', () => {
	it('finds the sign-in action, the signals upload endpoint and the wave actions', () => {
		const keys = tree.map(endpointKey);
		expect(keys).toContain('/login action:default');
		expect(keys).toContain('/o/[org]/signals/upload POST');
		expect(keys).toContain('/o/[org]/waves/[wave] action:close');
		expect(keys).toContain('/o/[org]/waves/[wave] action:reopen');
		expect(keys).toContain('/o/[org] layout-load');
		expect(tree.find((e) => e.routeId === '/o/[org]/waves/[wave]/poster/[unit]')?.params).toEqual([
			'org',
			'wave',
			'unit'
		]);
	});
});

describe('access declarations', () => {
	it('every endpoint has a rule, and a handler with an Action asks authorize for it', () => {
		expect(problemsOf(tree)).toEqual([]);
	});

	it('nothing declared is stale', () => {
		const keys = new Set(tree.map(endpointKey));
		const declared = Object.entries(ROUTE_ACCESS).flatMap(([routeId, kinds]) =>
			Object.keys(kinds).map((kind) => `${routeId} ${kind}`)
		);
		expect(declared.filter((key) => !keys.has(key))).toEqual([]);
	});

	it('traces an Action through the service a handler calls', () => {
		// Closing asks first what closing will do (the confirmation), then closes: the first path found.
		const close = tree.find((e) => endpointKey(e) === '/o/[org]/waves/[wave] action:close')!;
		expect(authorizedActions(close.handler, close.source).get('wave.edit')).toEqual([
			'waveCloseConsequences (lib/server/barometer/wave-close.ts)',
			"authorize('wave.edit')"
		]);
		const reopen = tree.find((e) => endpointKey(e) === '/o/[org]/waves/[wave] action:reopen')!;
		expect(authorizedActions(reopen.handler, reopen.source).get('wave.edit')).toEqual([
			'setWaveClosed (lib/server/barometer/waves.ts)',
			"authorize('wave.edit')"
		]);
		const upload = tree.find((e) => endpointKey(e) === '/o/[org]/signals/upload POST')!;
		expect(authorizedActions(upload.handler, upload.source).get('signals.import')?.[0]).toBe(
			'checkImportAccess (lib/server/signals/service.ts)'
		);
	});
});

describe('a route file that is not on disk, through the same parser', () => {
	const path = join(ROUTES_DIR, 'o/[org]/admin/units/+page.server.ts');
	const parse = (text: string) => parseRouteFile('/o/[org]/admin/units', '+page.server.ts', path, text);

	it('an action added without a declaration fails', () => {
		const text = `${readFileSync(path, 'utf8').replace(
			'export const actions: Actions = {',
			`export const actions: Actions = {\n\tpurge: async ({ locals, params }) => listUnitsForAdmin(getDb(), locals.actor, params.org),`
		)}`;
		expect(problemsOf(parse(text))).toEqual([
			'/o/[org]/admin/units action:purge: no access declared in route-access.ts'
		]);
	});

	it('a declared action whose handler asks nothing, or another Action, fails', () => {
		const text = `
			import { authorize } from '$lib/server/access';
			import { listVisibleUnits } from '$lib/server/units/service';
			const guard = (locals) => authorize(locals.actor, 'unit.view', { organisationId: 'x' });
			export const load = async ({ locals, params }) => listVisibleUnits(null, locals.actor, params.org);
			export const actions = {
				add: async () => ({ done: true }),
				rename: async ({ locals }) => guard(locals),
				move: moveIt,
				archive: async ({ locals }) => authorize(locals.actor, 'unit.edit', { organisationId: 'x' })
			} satisfies Actions;
			async function moveIt() { return null; }
		`;
		expect(problemsOf(parse(text))).toEqual([
			'/o/[org]/admin/units load: declared unit.edit, but it asks authorize for organisation.view',
			'/o/[org]/admin/units action:add: declared unit.edit, but it asks authorize for nothing',
			'/o/[org]/admin/units action:rename: declared unit.edit, but it asks authorize for unit.view',
			'/o/[org]/admin/units action:move: declared unit.edit, but it asks authorize for nothing'
		]);
	});

	it('a signed-in page that does not send visitors away fails', () => {
		const endpoints = parseRouteFile(
			'/orgs',
			'+page.server.ts',
			join(ROUTES_DIR, 'orgs/+page.server.ts'),
			'export const load = () => ({});'
		);
		expect(problemsOf(endpoints)).toEqual(['/orgs load: declared signed-in, but never tests locals.user']);
	});
});
