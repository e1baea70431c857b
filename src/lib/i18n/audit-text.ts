import type { AuditDetailLine, AuditValue } from '../domain/audit';
import { isMessageKey, translate, type Locale } from './index';

/** A field's name in the user's language; a field with no label keeps its own name. */
export function auditFieldLabel(locale: Locale, field: string): string {
	const key = `audit.field.${field}`;
	return isMessageKey(key) ? translate(locale, key) : field;
}

/** A value as text: yes/no and known words translated, nothing as a dash. */
export function auditValueText(locale: Locale, value: AuditValue): string {
	if (value === null) return '–';
	if (typeof value === 'boolean') return translate(locale, value ? 'audit.yes' : 'audit.no');
	const key = `audit.value.${value}`;
	return isMessageKey(key) ? translate(locale, key) : String(value);
}

/** A detail line as text: "field: value" or "field: old → new". */
export function auditLineText(locale: Locale, line: AuditDetailLine): string {
	const label = auditFieldLabel(locale, line.field);
	return 'value' in line
		? translate(locale, 'audit.line', { field: label, value: auditValueText(locale, line.value) })
		: translate(locale, 'audit.change', {
				field: label,
				before: auditValueText(locale, line.before),
				after: auditValueText(locale, line.after)
			});
}
