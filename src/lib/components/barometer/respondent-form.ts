/**
 * The id of the form of every respondent page (/b, /b/<token>). The language switch in the page's
 * header submits this form (its controls carry `form="respondent-form"`), so that the answers given
 * so far travel along and come back checked in the new language; pages without a questionnaire
 * render a plain language form under this id.
 */
export const RESPONDENT_FORM = 'respondent-form';

/** Whether a page is a respondent page (by its route id), whose language switch posts its form. */
export function isRespondentRoute(routeId: string | null): boolean {
	return routeId === '/b' || routeId === '/b/[token]';
}
