/**
 * Choices a person makes in a form before the page's scripts take over are kept.
 *
 * Every page is rendered on the server and works before its scripts run. When they do run
 * (hydration), Svelte sets each control to the state the server rendered: a language picked, a box
 * ticked or a field typed in on a slow connection would silently go back, and the form would send
 * the old value. `noteEarlyChoices` runs just before the first control hydrates (the root layout's
 * script) and notes every control the person changed; `restoreEarlyChoices` runs after hydration
 * and gives each one its choice back where hydration undid it, announced by `input` and `change`
 * events as a choice made then would be, so that bindings and handlers see it. A control changed
 * again in between (by the person, or on purpose by the page) is left as it is. It then marks the
 * page as started (`<html data-started>`): from then on the page's scripts are in charge.
 *
 * Browser-only: it reads and writes the document.
 */

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
/** A checkbox's or radio's checkedness, a field's text, or a select's chosen option indices. */
type State = boolean | string | readonly number[];

interface Choice {
	readonly control: Control;
	/** What the person chose. */
	readonly state: State;
	/** What the server rendered, which hydration sets the control back to. */
	readonly rendered: State;
}

/** Inputs whose state a person cannot change, or that hydration never touches (files). */
const STATELESS = new Set(['hidden', 'submit', 'reset', 'button', 'image', 'file']);

let noted: Choice[] = [];

function isControl(element: Element): element is Control {
	return (
		element instanceof HTMLInputElement ||
		element instanceof HTMLSelectElement ||
		element instanceof HTMLTextAreaElement
	);
}

function isToggle(control: Control): control is HTMLInputElement {
	return control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio');
}

/** The option indices a select shows when nobody has touched it (its `selected` attributes). */
function untouchedSelection(select: HTMLSelectElement): number[] {
	const options = [...select.options];
	const marked = options.flatMap((option, i) => (option.defaultSelected ? [i] : []));
	if (select.multiple) return marked;
	if (marked.length > 0) return [marked[marked.length - 1]!];
	// A single select without a marked option shows its first enabled one (when it shows one row).
	const first = options.findIndex((option) => !option.disabled);
	return first >= 0 && select.size <= 1 ? [first] : [];
}

function selection(select: HTMLSelectElement): number[] {
	return [...select.options].flatMap((option, i) => (option.selected ? [i] : []));
}

const sameState = (a: State, b: State): boolean =>
	Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b;

function stateOf(control: Control): State {
	if (control instanceof HTMLSelectElement) return selection(control);
	return isToggle(control) ? control.checked : control.value;
}

/** The state the server rendered, or undefined for a control whose state is not the person's. */
function renderedStateOf(control: Control): State | undefined {
	if (control instanceof HTMLSelectElement) return untouchedSelection(control);
	if (control instanceof HTMLInputElement && STATELESS.has(control.type)) return undefined;
	return isToggle(control) ? control.defaultChecked : control.defaultValue;
}

function setState(control: Control, state: State): void {
	if (control instanceof HTMLSelectElement) {
		const chosen = new Set(state as readonly number[]);
		[...control.options].forEach((option, i) => (option.selected = chosen.has(i)));
	} else if (isToggle(control)) control.checked = state as boolean;
	else control.value = state as string;
}

/** Notes every control of the document whose state differs from what the server rendered. */
export function noteEarlyChoices(root: ParentNode = document): void {
	noted = [];
	for (const element of root.querySelectorAll('input, select, textarea')) {
		if (!isControl(element)) continue;
		const rendered = renderedStateOf(element);
		if (rendered === undefined) continue;
		const state = stateOf(element);
		// A radio unchecked by checking another of its group comes back with that one.
		if (element instanceof HTMLInputElement && element.type === 'radio' && state === false) continue;
		if (!sameState(state, rendered)) noted.push({ control: element, state, rendered });
	}
}

/** Gives each noted control that is back at its rendered state its choice; then marks the page started. */
export function restoreEarlyChoices(): void {
	const undone = noted.filter(
		({ control, rendered }) => control.isConnected && sameState(stateOf(control), rendered)
	);
	noted = [];
	// Every choice first, then the events: a form that submits on change sends all of them.
	for (const { control, state } of undone) setState(control, state);
	for (const { control } of undone) {
		control.dispatchEvent(new Event('input', { bubbles: true }));
		control.dispatchEvent(new Event('change', { bubbles: true }));
	}
	document.documentElement.dataset.started = '';
}
