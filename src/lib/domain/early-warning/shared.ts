import type { MessageKey } from '../../i18n';

/**
 * What every part of early warning shares: the brand of findings made here and the messages they
 * are explained with.
 */

declare const checked: unique symbol;
/** Marks a finding as made by this module from shown values: only a cast can build one elsewhere. */
export type Checked = { readonly [checked]: true };

/** A message of the catalogue with its parameters; nested messages are translated first. */
export interface WarningMessage {
	key: MessageKey;
	params: Record<string, MessageParam>;
	/** Rendered after the message, in parentheses. */
	detail?: WarningMessage;
}
/** A number (formatted in the reader's language), a nested message, or a dimension's name. */
export type MessageParam = number | WarningMessage | { dimension: string };

/** Refuses a value that did not pass the anonymity gate: only shown values, with n ≥ 1, enter. */
export function checkShown(value: { shown: unknown; n: unknown }, what: string): void {
	if (value.shown !== true) throw new TypeError(`${what}: only shown values may enter early warning`);
	if (typeof value.n !== 'number' || !(value.n >= 1)) throw new RangeError(`${what}: n must be at least 1`);
}
