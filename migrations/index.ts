import type { Migration } from 'kysely';
import * as foundation from './2026-11-22-01-foundation';
import * as barometer from './2026-11-22-02-barometer';
import * as signals from './2026-11-22-03-signals';
import * as analytics from './2026-11-22-04-analytics';
import * as analyticsInputs from './2026-11-23-05-analytics-inputs';
import * as waveTree from './2026-11-23-06-wave-tree';
import * as releaseLog from './2026-12-03-06-release-log';
import * as signalPeople from './2026-12-03-09-signal-people';
import * as respondentPrivacy from './2026-12-03-07-respondent-privacy';
import * as waveEntry from './2026-12-03-08-wave-entry';
import * as signInThrottle from './2026-12-04-10-sign-in-throttle';
import * as measures from './2026-12-04-20-measures';
import * as perception from './2026-12-04-21-perception';
import * as plans from './2026-12-04-22-plans';
import * as catalogue from './2026-12-04-23-catalogue';
import * as columnMappings from './2026-12-05-30-column-mappings';
import * as organisationContacts from './2026-12-05-31-organisation-contacts';
import * as realClosingDates from './2026-12-05-32-real-closing-dates';
import * as attentionLists from './2026-12-05-33-attention-lists';
import * as figureUploadCheck from './2026-12-05-34-figure-upload-check';
import * as waveResults from './2026-12-06-35-wave-results';

/**
 * Every migration, in order. Listed by hand because Node 20 cannot import `.ts` files at run time
 * (so Kysely's FileMigrationProvider is out); tests/integration/migrations.test.ts fails when a
 * file in this folder is missing here.
 */
export const migrations: Record<string, Migration> = {
	'2026-11-22-01-foundation': foundation,
	'2026-11-22-02-barometer': barometer,
	'2026-11-22-03-signals': signals,
	'2026-11-22-04-analytics': analytics,
	'2026-11-23-05-analytics-inputs': analyticsInputs,
	'2026-11-23-06-wave-tree': waveTree,
	'2026-12-03-06-release-log': releaseLog,
	'2026-12-03-07-respondent-privacy': respondentPrivacy,
	'2026-12-03-08-wave-entry': waveEntry,
	'2026-12-03-09-signal-people': signalPeople,
	'2026-12-04-10-sign-in-throttle': signInThrottle,
	'2026-12-04-20-measures': measures,
	'2026-12-04-21-perception': perception,
	'2026-12-04-22-plans': plans,
	'2026-12-04-23-catalogue': catalogue,
	'2026-12-05-30-column-mappings': columnMappings,
	'2026-12-05-31-organisation-contacts': organisationContacts,
	'2026-12-05-32-real-closing-dates': realClosingDates,
	'2026-12-05-33-attention-lists': attentionLists,
	'2026-12-05-34-figure-upload-check': figureUploadCheck,
	'2026-12-06-35-wave-results': waveResults
};
