import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * Every server entry point of the app, read from the files under src/routes with the TypeScript
 * parser: page and layout loads, form actions, and the HTTP methods of endpoints. Tests that must
 * cover every route (access declarations, fuzzing) take their list from here, so a new route or
 * action cannot be forgotten.
 */
export const ROUTES_DIR = new URL('../../src/routes/', import.meta.url).pathname;

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'fallback'] as const;

/** What SvelteKit calls for a request: a page's `load`, a layout's, a form action, or an endpoint method. */
export type EndpointKind = 'load' | 'layout-load' | `action:${string}` | (typeof HTTP_METHODS)[number];

export type RouteFile = '+page.server.ts' | '+layout.server.ts' | '+server.ts';
const ROUTE_FILES: readonly RouteFile[] = ['+page.server.ts', '+layout.server.ts', '+server.ts'];

export interface Endpoint {
	/** SvelteKit's route id, e.g. `/o/[org]/waves/[wave]`. */
	routeId: string;
	kind: EndpointKind;
	/** The names of the route's parameters, in path order. */
	params: string[];
	file: string;
	/** The function SvelteKit runs (or the expression that evaluates to it). */
	handler: ts.Node;
	source: ts.SourceFile;
}

/** `routeId kind`: how declarations and reports name an endpoint. */
export const endpointKey = (e: Pick<Endpoint, 'routeId' | 'kind'>) => `${e.routeId} ${e.kind}`;

/** The route id of a folder under src/routes, as SvelteKit derives it (groups included). */
export function routeIdOf(relativeDir: string): string {
	const segments = relativeDir.split(sep).filter((s) => s !== '');
	return `/${segments.join('/')}`;
}

/** The parameter names of a route id: `[org]`, `[[lang]]`, `[...rest]`, `[id=matcher]`. */
export function paramsOf(routeId: string): string[] {
	const names: string[] = [];
	for (const match of routeId.matchAll(/\[{1,2}(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]{1,2}/g))
		names.push(match[1]!);
	return names;
}

/** A concrete path for a route id: each parameter replaced by its (already encoded) value, groups dropped. */
export function concretePath(routeId: string, values: Record<string, string>): string {
	const segments = routeId
		.split('/')
		.filter((s) => s !== '' && !/^\(.*\)$/.test(s))
		.map((segment) =>
			segment.replace(/\[{1,2}(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]{1,2}/g, (_, name: string) => {
				const value = values[name];
				if (value === undefined) throw new Error(`No value for [${name}] in ${routeId}`);
				return value;
			})
		);
	return `/${segments.join('/')}`;
}

function hasExportModifier(node: ts.Node): boolean {
	return (
		ts.canHaveModifiers(node) &&
		(ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
	);
}

/** `x as T`, `x satisfies T`, `(x)`, `x!` are the same value as `x`. */
export function unwrap(node: ts.Expression): ts.Expression {
	let current = node;
	for (;;) {
		if (
			ts.isAsExpression(current) ||
			ts.isSatisfiesExpression(current) ||
			ts.isParenthesizedExpression(current) ||
			ts.isNonNullExpression(current) ||
			ts.isTypeAssertionExpression(current)
		)
			current = current.expression;
		else return current;
	}
}

/** The top-level declarations of a file by name: functions and `const` initialisers. */
export function topLevelDeclarations(source: ts.SourceFile): Map<string, ts.Node> {
	const declarations = new Map<string, ts.Node>();
	for (const statement of source.statements) {
		if (ts.isFunctionDeclaration(statement) && statement.name)
			declarations.set(statement.name.text, statement);
		else if (ts.isVariableStatement(statement)) {
			for (const d of statement.declarationList.declarations)
				if (ts.isIdentifier(d.name) && d.initializer) declarations.set(d.name.text, unwrap(d.initializer));
		}
	}
	return declarations;
}

/** An identifier that names a top-level declaration stands for that declaration. */
function resolveLocal(node: ts.Node, declarations: Map<string, ts.Node>): ts.Node {
	if (ts.isIdentifier(node)) {
		const target = declarations.get(node.text);
		if (!target)
			throw new Error(`${node.text} is not declared at the top of ${node.getSourceFile().fileName}`);
		return target;
	}
	return node;
}

/** The exported names of a file with what they stand for. */
function exportsOf(source: ts.SourceFile): Map<string, ts.Node> {
	const declarations = topLevelDeclarations(source);
	const exported = new Map<string, ts.Node>();
	for (const statement of source.statements) {
		if (ts.isFunctionDeclaration(statement) && statement.name && hasExportModifier(statement))
			exported.set(statement.name.text, statement);
		else if (ts.isVariableStatement(statement) && hasExportModifier(statement)) {
			for (const d of statement.declarationList.declarations) {
				if (!ts.isIdentifier(d.name)) throw new Error(`Destructured export in ${source.fileName}`);
				if (d.initializer) exported.set(d.name.text, resolveLocal(unwrap(d.initializer), declarations));
			}
		} else if (ts.isExportDeclaration(statement)) {
			if (statement.moduleSpecifier || !statement.exportClause || !ts.isNamedExports(statement.exportClause))
				throw new Error(`Re-export in ${source.fileName}: name the handlers in the route file itself`);
			for (const element of statement.exportClause.elements) {
				const local = (element.propertyName ?? element.name).text;
				const target = declarations.get(local);
				if (!target) throw new Error(`export { ${local} } without a declaration in ${source.fileName}`);
				exported.set(element.name.text, target);
			}
		}
	}
	return exported;
}

function propertyName(name: ts.PropertyName, source: ts.SourceFile): string {
	if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
	throw new Error(`A computed action name in ${source.fileName}: ${name.getText(source)}`);
}

/** The named actions of an `actions` object literal, with their functions. */
function actionsOf(
	node: ts.Node,
	source: ts.SourceFile,
	declarations: Map<string, ts.Node>
): [string, ts.Node][] {
	if (!ts.isObjectLiteralExpression(node))
		throw new Error(`actions in ${source.fileName} is not an object literal`);
	return node.properties.map((p): [string, ts.Node] => {
		if (ts.isPropertyAssignment(p)) {
			return [propertyName(p.name, source), resolveLocal(unwrap(p.initializer), declarations)];
		}
		if (ts.isMethodDeclaration(p)) return [propertyName(p.name, source), p];
		if (ts.isShorthandPropertyAssignment(p)) return [p.name.text, resolveLocal(p.name, declarations)];
		throw new Error(`An action that is not a plain property in ${source.fileName}: ${p.getText(source)}`);
	});
}

/** The endpoints one route file defines. `text` lets tests feed a file that is not on disk. */
export function parseRouteFile(routeId: string, fileName: RouteFile, path: string, text: string): Endpoint[] {
	const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
	const declarations = topLevelDeclarations(source);
	const params = paramsOf(routeId);
	const endpoints: Endpoint[] = [];
	const add = (kind: EndpointKind, handler: ts.Node) =>
		endpoints.push({ routeId, kind, params, file: path, handler, source });
	for (const [name, node] of exportsOf(source)) {
		if (fileName === '+server.ts') {
			if ((HTTP_METHODS as readonly string[]).includes(name)) add(name as EndpointKind, node);
		} else if (name === 'load') {
			add(fileName === '+layout.server.ts' ? 'layout-load' : 'load', node);
		} else if (name === 'actions') {
			if (fileName !== '+page.server.ts') throw new Error(`actions outside a page in ${path}`);
			for (const [action, handler] of actionsOf(node, source, declarations)) add(`action:${action}`, handler);
		}
	}
	return endpoints;
}

/** Every endpoint under `root`, sorted by route id and kind. */
export function routeTree(root: string = ROUTES_DIR): Endpoint[] {
	const endpoints: Endpoint[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir).sort()) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if ((ROUTE_FILES as readonly string[]).includes(name))
				endpoints.push(
					...parseRouteFile(
						routeIdOf(relative(root, dir)),
						name as RouteFile,
						path,
						readFileSync(path, 'utf8')
					)
				);
			else if (/^\+(page|layout)\.server\.js$|^\+server\.js$/.test(name))
				throw new Error(`${path}: route files are TypeScript here, so they are parsed`);
		}
	};
	walk(root);
	return endpoints.sort((a, b) => endpointKey(a).localeCompare(endpointKey(b)));
}

/** Whether a handler takes the request (so it may read a body); from its parameter's destructuring. */
export function readsRequest(endpoint: Endpoint): boolean {
	const handler = endpoint.handler;
	if (!ts.isFunctionLike(handler)) return true;
	const first = handler.parameters[0];
	if (!first) return false;
	if (!ts.isObjectBindingPattern(first.name)) return true;
	return first.name.elements.some(
		(e) =>
			(e.propertyName && ts.isIdentifier(e.propertyName) ? e.propertyName.text : e.name.getText()) ===
			'request'
	);
}
