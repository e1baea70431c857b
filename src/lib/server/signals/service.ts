import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
	DEFAULT_MAX_PROBLEMS,
	ProblemList,
	columnSpec,
	matchHeader,
	parseColumnMappings,
	type ColumnId,
	type ColumnMapping,
	type ColumnMappings,
	SignalsAccumulator,
	type FigureId,
	type SignalProblem,
	type SignalsFormat,
	type UnitMonthFigures,
	type UnknownUnit
} from '../../domain/signals';
import { normaliseHeader } from '../../domain/units';
import { ValidationError, isUuid } from '../../domain/validation';
import { authorize, can, type Actor } from '../access';
import { refreshAttentionList } from '../analytics/attention';
import { insertAuditEntry } from '../audit/queries';
import { todayInBelgium } from '../clock';
import { transactionWithCopy } from '../db/bulk';
import type { Database, SignalFigures } from '../db/schema';
import { uploadLimitBytes } from '../limits';
import { streamMultipart, uploadFailure, type StreamedFile } from '../multipart';
import { findUnits } from '../units/queries';
import {
	deleteUnitCodeAlias,
	findAbovePlanned,
	findCurrentUploadByHash,
	findFallbackSources,
	findSignalsVersion,
	findUnitCodeAliasList,
	findUnitCodeAliases,
	insertUnitCodeAlias,
	findUpload,
	findUploads,
	insertUpload,
	COLUMN_OF,
	lockSignalImports,
	markUploadUndone,
	refreshCurrentFigures,
	refreshPeople,
	storeLatestFigures,
	type AbovePlannedRow,
	type FigureAccess,
	type SourceUploadRow
} from './queries';
import { openSignalsFile, type SignalsFileReader } from './file-reader';
import { findColumnMappings, upsertColumnMapping } from './mapping-queries';
import { CsvFileError, type CsvByteSource } from './reader';
import { columnLetter } from './xlsx';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface UploadFile {
	name: string;
	stream: CsvByteSource;
}

export type ImportProgress =
	| { phase: 'reading'; file: string; bytes: number; rows: number }
	| { phase: 'checking'; rows: number }
	| { phase: 'storing'; rows: number };

export interface ImportOptions {
	/** The months a spells or staffing upload covers (`yyyy-mm`); taken from the file without it. */
	period?: { from: string; to: string };
	/** Largest accepted size of one file, in bytes. */
	maxBytes?: number;
	today?: string;
	onProgress?: (progress: ImportProgress) => void;
	/**
	 * Column mappings HR chose in the mapping step, per format: applied to a file whose header they
	 * fit, and remembered for the organisation once the upload is imported. Without one, a file
	 * whose header does not match is read through the mapping remembered for its format, if any.
	 */
	mappings?: ColumnMappings;
	/**
	 * The token of a check of the same upload (status 'confirm'): stores it although it replaces
	 * figures in force, as long as the file, the period, the unit codes and the uploads in force are
	 * still those that were checked, and the token has not expired.
	 */
	confirm?: string;
	/** Now, for the token's expiry (tests). */
	now?: Date;
	/**
	 * The caller has confirmed the replacement itself: scripts (the seed, benchmarks) and tests of
	 * other rules. The web routes never set it; they pass the user's `confirm` token.
	 */
	confirmed?: boolean;
}

/** A unit-month whose sick days in force would exceed its planned days (absence above 100%). */
export interface AbovePlanned {
	unitCode: string;
	unitName: string;
	/** yyyy-mm */
	month: string;
	sickDays: number;
	plannedDays: number;
}

/** Earlier uploads whose figures in force an upload replaces, or that an undo brings back. */
export interface SourceUpload {
	uploadId: string;
	format: string;
	fileName: string;
	uploadedAt: Date | string;
	uploadedBy: string | null;
	unitMonths: number;
	unitCount: number;
	/** The first units by code (at most six). */
	units: Array<{ code: string; name: string }>;
	/** yyyy-mm */
	from: string;
	to: string;
}

/** A problem as the upload answers it: with its file, and the file's own name for its column. */
export type UploadProblem = SignalProblem & {
	file: string;
	/** The header of the problem's column in the file, with its letter in a workbook (`C · Begin`). */
	header?: string;
};

export type ImportOutcome =
	| {
			status: 'imported';
			uploadId: string;
			formats: SignalsFormat[];
			rows: number;
			period: { from: string; to: string };
			units: number;
			unitMonths: number;
	  }
	| { status: 'unchanged'; uploadId: string; fileName: string; uploadedAt: Date | string }
	| {
			/** Checked, nothing stored: the upload would replace figures in force. Send it again with `token`. */
			status: 'confirm';
			token: string;
			expiresAt: string;
			formats: SignalsFormat[];
			rows: number;
			period: { from: string; to: string };
			units: number;
			unitMonths: number;
			/** Unit-months of the upload in which it replaces figures of an earlier upload. */
			replacedUnitMonths: number;
			replaces: SourceUpload[];
			/** A token came along but no longer held (other file, other uploads in force, expired). */
			recheck: boolean;
			/** The period the upload asked for (the form's fields), to send it again as it was. */
			askedPeriod: { from: string; to: string } | null;
	  }
	| {
			status: 'refused';
			formats: SignalsFormat[];
			rows: number;
			/** The first problems, in file order; `line` 0 is about the upload as a whole. */
			problems: UploadProblem[];
			problemCount: number;
			unknownUnits: UnknownUnit[];
			unknownUnitRows: number;
			/** Unit-months the upload would leave with more sick days than planned days (the first 50). */
			abovePlanned?: AbovePlanned[];
			abovePlannedCount?: number;
	  };

/** How long the check of an upload may be confirmed. */
export const CONFIRM_TTL_MS = 30 * 60 * 1000;

/** Ends a transaction without storing anything, with the answer to give. */
class Rollback<T> extends Error {
	constructor(readonly outcome: T) {
		super('rollback');
	}
}

/**
 * The token of a checked upload: its expiry and a digest of everything the check depended on
 * (who, which organisation, the content hash, which already covers the period and the unit codes,
 * and the uploads in force). It only lets its holder skip a confirmation they were offered, so it
 * needs no secret: a token for other bytes or other uploads in force simply does not match.
 */
function confirmDigest(parts: {
	organisationId: string;
	userId: string;
	contentHash: string;
	version: string;
	expires: number;
}) {
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

function confirmToken(parts: Omit<Parameters<typeof confirmDigest>[0], 'expires'>, now: Date) {
	const expires = now.getTime() + CONFIRM_TTL_MS;
	return {
		token: `${expires}.${confirmDigest({ ...parts, expires })}`,
		expiresAt: new Date(expires).toISOString()
	};
}

function confirmTokenValid(
	token: string | undefined,
	parts: Omit<Parameters<typeof confirmDigest>[0], 'expires'>,
	now: Date
): boolean {
	const match = /^(\d{13})\.([0-9a-f]{64})$/.exec(token ?? '');
	if (!match) return false;
	const expires = Number(match[1]);
	if (expires < now.getTime() || expires > now.getTime() + CONFIRM_TTL_MS) return false;
	return confirmDigest({ ...parts, expires }) === match[2];
}

const toAbovePlanned = (r: AbovePlannedRow): AbovePlanned => ({
	unitCode: r.code,
	unitName: r.name,
	month: r.month.slice(0, 7),
	sickDays: Number(r.sick_days),
	plannedDays: Number(r.planned_days)
});

const toSource = (r: SourceUploadRow): SourceUpload => ({
	uploadId: r.upload_id,
	format: r.format,
	fileName: r.file_name,
	uploadedAt: r.uploaded_at,
	uploadedBy: r.uploaded_by_name,
	unitMonths: r.unit_months,
	unitCount: r.unit_count,
	units: r.units,
	from: r.from.slice(0, 7),
	to: r.to.slice(0, 7)
});

/** Unit codes (and the aliases HR mapped) → unit id; archived units too, for past months. */
async function knownUnitCodes(db: Kysely<Database>, organisationId: string) {
	const [units, aliases] = await Promise.all([
		findUnits(db, organisationId),
		findUnitCodeAliases(db, organisationId)
	]);
	const codes = new Map<string, string>();
	for (const alias of aliases) codes.set(alias.alias, alias.unit_id);
	for (const unit of units) codes.set(unit.code.trim().toLowerCase(), unit.id);
	return codes;
}

function normaliseAlias(code: string): string {
	return code.trim().toLowerCase();
}

/** Passes the bytes on while hashing and counting them. */
async function* tap(
	source: CsvByteSource,
	hash: ReturnType<typeof createHash>,
	counted: { bytes: number }
): AsyncGenerator<Uint8Array> {
	const iterable: AsyncIterable<Uint8Array> =
		Symbol.asyncIterator in source
			? (source as AsyncIterable<Uint8Array>)
			: (async function* () {
					const reader = (source as ReadableStream<Uint8Array>).getReader();
					try {
						for (;;) {
							const { done, value } = await reader.read();
							if (done) return;
							yield value;
						}
					} finally {
						reader.releaseLock();
					}
				})();
	for await (const chunk of iterable) {
		hash.update(chunk);
		counted.bytes += chunk.length;
		yield chunk;
	}
}

function validPeriod(period: ImportOptions['period']) {
	if (!period) return undefined;
	if (!MONTH.test(period.from) || !MONTH.test(period.to) || period.to < period.from)
		throw new ValidationError({ period: { key: 'signals.periodInvalid' } });
	return period;
}

/**
 * Imports one upload: a monthly file, or a spells file and/or a staffing file. Every file is read
 * as a stream (memory stays flat whatever its size), validated row by row and aggregated; only a
 * file without any problem is stored, in one transaction. The same content imported before, whose
 * figures are all still in force, changes nothing.
 */
export async function importSignals(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	files: AsyncIterable<UploadFile> | Iterable<UploadFile>,
	options: ImportOptions = {}
): Promise<ImportOutcome> {
	authorize(actor, 'signals.import', { organisationId });
	const period = validPeriod(options.period);
	const today = options.today ?? todayInBelgium();
	const codes = await knownUnitCodes(db, organisationId);
	const accumulator = new SignalsAccumulator({ knownUnitCodes: codes, today, period });
	// What the figures depend on besides the bytes: the period asked for, the unit codes as mapped,
	// and for spells (whose running spells end today) the day of the upload.
	const hash = createHash('sha256');
	hash.update(JSON.stringify({ period: period ?? null, codes: [...codes].sort() }));
	/** The reader's and the header's problems, the same problem on many rows listed once. */
	const readProblems = new ProblemList<UploadProblem>();
	const remembered = await findColumnMappings(db, organisationId);
	/** The mappings sent with the upload that were used, to remember once it is imported. */
	const toRemember = new Map<SignalsFormat, ColumnMapping>();
	/** Each file's header and the column of each cell, to name a problem's column as the file does. */
	const fileColumns = new Map<
		string,
		{ header: string[]; columns: readonly (ColumnId | null)[]; xlsx: boolean }
	>();
	const mappingsUsed: unknown[] = [];
	let readProblemCount = 0;
	const names: string[] = [];
	/** The file each format came in (the last one, should a format come twice). */
	const fileOfFormat = new Map<SignalsFormat, string>();
	let bytes = 0;
	let rows = 0;

	for await (const file of files) {
		names.push(file.name);
		hash.update(`\u0000file ${names.length}\u0000`);
		const counted = { bytes: 0 };
		let reader: SignalsFileReader | null = null;
		let began = false;
		try {
			reader = await openSignalsFile(tap(file.stream, hash, counted), { maxBytes: options.maxBytes });
			const header = await reader.readHeader();
			const match = matchHeader(header.cells, options.mappings, remembered);
			mappingsUsed.push(match.mapped);
			if (match.ok) {
				const xlsx = reader.kind === 'xlsx';
				fileColumns.set(file.name, { header: header.cells, columns: match.columns, xlsx });
				if (match.mapped && match.mapped === options.mappings?.[match.format])
					toRemember.set(match.format, match.mapped);
			}
			if (!match.ok) {
				readProblemCount += match.problems.length;
				for (const p of match.problems) readProblems.push({ ...p, format: match.format, file: file.name });
				await reader.cancel();
				continue;
			}
			fileOfFormat.set(match.format, file.name);
			accumulator.begin({ format: match.format, columns: match.columns });
			began = true;
			for await (const batch of reader) {
				for (const record of batch.records) accumulator.add(record.line, record.cells);
				for (const p of batch.problems) {
					readProblemCount++;
					accumulator.unreadable();
					readProblems.push({
						format: match.format,
						line: p.params.line,
						column: null,
						value: '',
						key: p.key,
						params: p.params,
						file: file.name
					});
				}
				rows = reader.rowsRead;
				options.onProgress?.({ phase: 'reading', file: file.name, bytes: bytes + counted.bytes, rows });
			}
		} catch (e) {
			if (!(e instanceof CsvFileError)) throw e;
			// A file cut short by a problem is not complete: the checks across files must know.
			if (began) accumulator.unreadable();
			readProblemCount++;
			readProblems.push({
				format: null,
				line: 'line' in e.params ? Number(e.params.line) : 0,
				column: null,
				value: '',
				key: e.key,
				params: e.params as Record<string, string | number>,
				file: file.name
			});
		} finally {
			await reader?.cancel();
		}
		bytes += counted.bytes;
	}
	if (names.length === 0) throw new ValidationError({ file: { key: 'signals.fileMissing' } });

	/**
	 * Adds the file's own name of a problem's column (and its letter, in a workbook) where the page
	 * would otherwise show only the field: a payroll name, a mapped column, any workbook column.
	 */
	const named = (p: UploadProblem): UploadProblem => {
		const file = fileColumns.get(p.file);
		const index = p.column && file ? file.columns.indexOf(p.column) : -1;
		if (!file || index < 0 || !p.format) return p;
		const header = file.header[index] ?? '';
		if (file.xlsx) return { ...p, header: `${columnLetter(index)} · ${header}` };
		const spec = columnSpec(p.format, p.column!);
		const template = spec ? Object.values(spec.headers).map((h) => normaliseHeader(h[0]!)) : [];
		return template.includes(normaliseHeader(header)) ? p : { ...p, header };
	};

	options.onProgress?.({ phase: 'checking', rows });
	const result = accumulator.finish();
	if (!result.ok || readProblemCount > 0) {
		const domainProblems = result.ok ? [] : result.problems;
		const fileOf = (p: SignalProblem) => (p.format && fileOfFormat.get(p.format)) || names.at(-1)!;
		const problems = [...readProblems.kept, ...domainProblems.map((p) => named({ ...p, file: fileOf(p) }))]
			.sort((a, b) => (a.file === b.file ? a.line - b.line : names.indexOf(a.file) - names.indexOf(b.file)))
			.slice(0, DEFAULT_MAX_PROBLEMS);
		return {
			status: 'refused',
			formats: result.formats,
			rows: result.rows,
			problems,
			problemCount: readProblemCount + (result.ok ? 0 : result.problemCount),
			unknownUnits: result.ok ? [] : result.unknownUnits,
			unknownUnitRows: result.ok ? 0 : result.unknownUnitRows
		};
	}

	options.onProgress?.({ phase: 'storing', rows: result.rows });
	if (!result.formats.includes('monthly')) hash.update(`\u0000today ${today}`);
	// The same bytes read through another mapping are other figures.
	if (mappingsUsed.some((m) => m !== null)) hash.update(`\u0000mappings ${JSON.stringify(mappingsUsed)}`);
	const contentHash = hash.digest('hex');
	const figures = result.figures;
	const months = figures.map((r) => r.month).sort();
	const storedPeriod = result.period
		? { from: `${result.period.from}-01`, to: `${result.period.to}-01` }
		: {
				from: months[0] ? `${months[0]}-01` : `${today.slice(0, 8)}01`,
				to: months.at(-1) ? `${months.at(-1)}-01` : `${today.slice(0, 8)}01`
			};
	const units = new Set(figures.map((r) => r.unitId)).size;
	const format = [...result.formats].sort().join('+') as
		'monthly' | 'spells' | 'staffing' | 'spells+staffing';

	const now = options.now ?? new Date();
	const period_ = {
		from: storedPeriod.from.slice(0, 7),
		to: (storedPeriod.to ?? storedPeriod.from).slice(0, 7)
	};
	try {
		const outcome = await transactionWithCopy(db, async (trx, copy) => {
			await lockSignalImports(trx, organisationId);
			const version = await findSignalsVersion(trx, organisationId);
			const same = await findCurrentUploadByHash(trx, organisationId, contentHash);
			if (same)
				return {
					status: 'unchanged' as const,
					uploadId: same.id,
					fileName: same.file_name,
					uploadedAt: same.uploaded_at
				};
			for (const [mappedFormat, mapping] of toRemember) {
				await upsertColumnMapping(trx, organisationId, mappedFormat, mapping, actor!.userId);
				await insertAuditEntry(trx, {
					organisationId,
					actorUserId: actor!.userId,
					action: 'signals.mapColumns',
					objectType: 'organisation',
					objectId: organisationId,
					detail: { format: mappedFormat, columns: Object.keys(mapping).length }
				});
			}
			const upload = await insertUpload(trx, {
				organisationId,
				format,
				fileName: names.join(' + ').slice(0, 500),
				contentHash,
				byteSize: bytes,
				rowCount: result.rows,
				periodFrom: storedPeriod.from,
				periodTo: storedPeriod.to ?? storedPeriod.from,
				unitCount: units,
				uploadedBy: actor!.userId
			});
			const { shared } = await storeLatestFigures(
				trx,
				copy,
				organisationId,
				upload.id,
				figures,
				DOMAIN_FIGURES
			);
			// Only unit-months that other uploads supply as well can need another `people`.
			if (shared > 0) await refreshPeople(trx, organisationId, upload.id);
			// Sick days and planned days may come from different uploads: check them as they would be in force.
			const above = await findAbovePlanned(trx, organisationId, upload.id, { onlyUpload: shared === 0 });
			if (above.count > 0)
				throw new Rollback<ImportOutcome>({
					status: 'refused',
					formats: result.formats,
					rows: result.rows,
					problems: [
						{
							format: null,
							line: 0,
							column: null,
							value: '',
							key: 'signals.abovePlanned',
							params: { count: above.count },
							file: names.join(' + ')
						}
					],
					problemCount: 1,
					unknownUnits: [],
					unknownUnitRows: 0,
					abovePlanned: above.rows.map(toAbovePlanned),
					abovePlannedCount: above.count
				});
			// An upload whose unit-months had no figures in force replaces nothing.
			const fallback =
				shared > 0
					? await findFallbackSources(trx, organisationId, upload.id)
					: { replacing: 0, sources: [] };
			const tokenParts = { organisationId, userId: actor!.userId, contentHash, version };
			if (
				fallback.replacing > 0 &&
				!options.confirmed &&
				!confirmTokenValid(options.confirm, tokenParts, now)
			)
				throw new Rollback<ImportOutcome>({
					status: 'confirm',
					...confirmToken(tokenParts, now),
					formats: result.formats,
					rows: result.rows,
					period: period_,
					units,
					unitMonths: figures.length,
					replacedUnitMonths: fallback.replacing,
					replaces: fallback.sources.map(toSource),
					recheck: options.confirm !== undefined && options.confirm !== '',
					askedPeriod: period ?? null
				});
			await insertAuditEntry(trx, {
				organisationId,
				actorUserId: actor!.userId,
				action: 'signals.import',
				objectType: 'signal_upload',
				objectId: upload.id,
				detail: { format, rows: result.rows, units, from: storedPeriod.from, to: storedPeriod.to }
			});
			return {
				status: 'imported' as const,
				uploadId: upload.id,
				formats: result.formats,
				rows: result.rows,
				period: period_,
				units,
				unitMonths: figures.length
			};
		});
		// New figures in force: the attention list is computed now rather than by its next reader.
		if (outcome.status === 'imported') void refreshAttentionList(db, organisationId, { today });
		return outcome;
	} catch (e) {
		if (e instanceof Rollback) return e.outcome as ImportOutcome;
		throw e;
	}
}

/** The domain's figures as they come, read column by column (no second copy of 100,000 rows). */
const DOMAIN_FIGURES: FigureAccess<UnitMonthFigures> = {
	unitId: (r) => r.unitId,
	month: (r) => `${r.month}-01`,
	value: (r, column) => r[FIGURE_OF[column]]
};

const FIGURE_OF = Object.fromEntries(
	Object.entries(COLUMN_OF).map(([figure, column]) => [column, figure])
) as Record<keyof SignalFigures, FigureId>;

/** Refuses (404/403) before an upload's body is read, for endpoints that answer as a stream. */
export function checkImportAccess(actor: Actor | null, organisationId: string): void {
	authorize(actor, 'signals.import', { organisationId });
}

/** What undoing an upload would do (nothing is changed): see undoPreview. */
export interface UndoPreview {
	uploadId: string;
	fileName: string;
	format: string;
	uploadedAt: Date | string;
	uploadedBy: string | null;
	undoneAt: Date | string | null;
	/** Unit-months in which the upload supplies figures in force: those figures stop counting. */
	inForceUnitMonths: number;
	/** Of those, unit-months where some figure has no earlier upload to fall back to and disappears. */
	goneUnitMonths: number;
	/** Earlier uploads whose figures come back in force. */
	comesBack: SourceUpload[];
	/** Unit-months the undo would leave above 100% absence: the undo is refused. */
	abovePlanned: AbovePlanned[];
	abovePlannedCount: number;
}

/**
 * Undoes an upload in a transaction and checks what it leaves: the upload's unit-months must not
 * end up with more sick days than planned days (undoing a staffing file can bring back lower
 * planned days under the sick days of a spells file). Returns the preview; `apply` keeps the undo.
 */
async function undoChecked(
	db: Kysely<Database>,
	actor: Actor,
	organisationId: string,
	uploadId: string,
	apply: boolean
): Promise<UndoPreview> {
	if (!isUuid(uploadId)) throw new ValidationError({ upload: { key: 'signals.uploadUnknown' } });
	try {
		return await db.transaction().execute(async (trx) => {
			await lockSignalImports(trx, organisationId);
			const upload = await findUpload(trx, organisationId, uploadId);
			if (!upload) throw new ValidationError({ upload: { key: 'signals.uploadUnknown' } });
			const uploader = upload.uploaded_by
				? await trx
						.selectFrom('app_user')
						.select('display_name')
						.where('id', '=', upload.uploaded_by)
						.executeTakeFirst()
				: undefined;
			const fallback = await findFallbackSources(trx, organisationId, uploadId);
			const preview: UndoPreview = {
				uploadId,
				fileName: upload.file_name,
				format: upload.format,
				uploadedAt: upload.uploaded_at,
				uploadedBy: uploader?.display_name ?? null,
				undoneAt: upload.undone_at,
				inForceUnitMonths: fallback.inForce,
				goneUnitMonths: fallback.gone,
				comesBack: fallback.sources.map(toSource),
				abovePlanned: [],
				abovePlannedCount: 0
			};
			if (upload.undone_at) {
				if (apply) throw new ValidationError({ upload: { key: 'signals.alreadyUndone' } });
				throw new Rollback(preview);
			}
			if (!(await markUploadUndone(trx, organisationId, uploadId, actor.userId)))
				throw new ValidationError({ upload: { key: 'signals.alreadyUndone' } });
			await refreshCurrentFigures(trx, organisationId, uploadId);
			const above = await findAbovePlanned(trx, organisationId, uploadId);
			preview.abovePlanned = above.rows.map(toAbovePlanned);
			preview.abovePlannedCount = above.count;
			if (!apply) throw new Rollback(preview);
			if (above.count > 0)
				throw new ValidationError({
					upload: {
						key: 'signals.undoAbovePlanned',
						params: {
							count: above.count,
							unitMonths: preview.abovePlanned
								.slice(0, 10)
								.map((r) => `${r.unitCode} ${r.month}`)
								.join(', ')
						}
					}
				});
			await insertAuditEntry(trx, {
				organisationId,
				actorUserId: actor.userId,
				action: 'signals.undo',
				objectType: 'signal_upload',
				objectId: uploadId,
				detail: { file: upload.file_name, unitMonths: fallback.inForce }
			});
			return preview;
		});
	} catch (e) {
		if (e instanceof Rollback) return e.outcome as UndoPreview;
		throw e;
	}
}

/** Undoes an upload: its figures stop counting and the earlier ones come back. */
export async function undoUpload(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	uploadId: string
): Promise<void> {
	authorize(actor, 'signals.import', { organisationId });
	await undoChecked(db, actor!, organisationId, uploadId, true);
	// The earlier figures are in force again: the attention list is computed now.
	void refreshAttentionList(db, organisationId);
}

/**
 * What undoing an upload would do, for the confirmation: the unit-months whose figures stop
 * counting, the earlier uploads that come back in force, and whether it is refused. Changes nothing.
 */
export async function undoPreview(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	uploadId: string
): Promise<UndoPreview> {
	authorize(actor, 'signals.import', { organisationId });
	return undoChecked(db, actor!, organisationId, uploadId, false);
}

/**
 * Maps unit codes of an HR system to units, so that later files with those codes import as they
 * are. A code that is already a unit's own code, or already mapped, is refused: the mapping would
 * have no effect (a unit's own code wins) or silently move the code to another unit. Nothing is
 * stored when any mapping is refused.
 */
export async function mapUnitCodes(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	mappings: Record<string, string>
): Promise<number> {
	authorize(actor, 'signals.import', { organisationId });
	const chosen = Object.entries(mappings).filter(([, unitId]) => unitId !== '');
	if (chosen.length === 0) throw new ValidationError({ mapping: { key: 'signals.mappingEmpty' } });
	await db.transaction().execute(async (trx) => {
		await lockSignalImports(trx, organisationId);
		const all = await findUnits(trx, organisationId);
		const units = new Map(all.filter((u) => u.validTo === null).map((u) => [u.id, u]));
		const ownCodes = new Map(all.map((u) => [normaliseAlias(u.code), u]));
		const mapped = new Map((await findUnitCodeAliasList(trx, organisationId)).map((a) => [a.alias, a]));
		const seen = new Set<string>();
		for (const [code, unitId] of chosen) {
			const alias = normaliseAlias(code);
			if (!units.has(unitId) || alias === '' || code.length > 64)
				throw new ValidationError({ mapping: { key: 'signals.mappingInvalid', params: { code } } });
			const own = ownCodes.get(alias);
			if (own)
				throw new ValidationError({
					mapping: { key: 'signals.mappingOwnCode', params: { code: code.trim(), unit: own.name } }
				});
			const existing = mapped.get(alias);
			if (existing)
				throw new ValidationError({
					mapping: {
						key: 'signals.mappingExists',
						params: { code: code.trim(), unit: `${existing.unit_code} · ${existing.unit_name}` }
					}
				});
			if (seen.has(alias))
				throw new ValidationError({ mapping: { key: 'signals.mappingInvalid', params: { code } } });
			seen.add(alias);
		}
		for (const [code, unitId] of chosen) {
			await insertUnitCodeAlias(trx, organisationId, normaliseAlias(code), unitId);
			await insertAuditEntry(trx, {
				organisationId,
				actorUserId: actor!.userId,
				action: 'signals.mapCode',
				objectType: 'unit',
				objectId: unitId,
				detail: { code: code.trim() }
			});
		}
	});
	return chosen.length;
}

/** Removes a mapped code: later files with it are refused until it is mapped again; stored figures stay. */
export async function unmapUnitCode(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	code: string
): Promise<{ code: string }> {
	authorize(actor, 'signals.import', { organisationId });
	const alias = normaliseAlias(code);
	if (alias === '' || alias.length > 64)
		throw new ValidationError({
			mapping: { key: 'signals.mappingUnknown', params: { code: code.slice(0, 64) } }
		});
	return db.transaction().execute(async (trx) => {
		await lockSignalImports(trx, organisationId);
		const removed = await deleteUnitCodeAlias(trx, organisationId, alias);
		if (!removed)
			throw new ValidationError({ mapping: { key: 'signals.mappingUnknown', params: { code: alias } } });
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: 'signals.unmapCode',
			objectType: 'unit',
			objectId: removed.unit_id,
			detail: { code: alias }
		});
		return { code: alias };
	});
}

/** The signals page: upload history, and what the actor may do. */
export async function signalsOverview(db: Kysely<Database>, actor: Actor | null, organisationId: string) {
	authorize(actor, 'signals.view', { organisationId });
	const [uploads, units, mappings] = await Promise.all([
		findUploads(db, organisationId),
		findUnits(db, organisationId),
		findUnitCodeAliasList(db, organisationId)
	]);
	return {
		canImport: can(actor, 'signals.import', { organisationId }),
		mappings: mappings.map((m) => ({ code: m.alias, unitCode: m.unit_code, unitName: m.unit_name })),
		uploads: uploads.map((u) => ({
			id: u.id,
			format: u.format,
			fileName: u.file_name,
			bytes: Number(u.byte_size),
			rows: u.row_count,
			from: u.period_from.slice(0, 7),
			to: u.period_to.slice(0, 7),
			units: u.unit_count,
			uploadedAt: u.uploaded_at,
			uploadedBy: u.uploaded_by_name,
			undoneAt: u.undone_at,
			undoneBy: u.undone_by_name,
			replacedUnitMonths: Number(u.replaced_unit_months)
		})),
		units: units
			.filter((u) => u.validTo === null)
			.map((u) => ({ id: u.id, code: u.code, name: u.name }))
			.sort((a, b) => a.code.localeCompare(b.code))
	};
}

/** An upload form whose first file has begun to arrive. */
export interface OpenedUpload {
	fields: Record<string, string>;
	first: IteratorResult<StreamedFile>;
	files: AsyncGenerator<StreamedFile>;
	maxBytes: number;
}

/**
 * Starts reading an upload form (multipart, streamed) up to its first file: a body that is not
 * a file form, is cut off before its first file or is over the size limit fails here, before an
 * endpoint has answered. The optional period fields come before the file inputs in the form, so
 * they are known by then.
 */
export async function openUpload(
	actor: Actor | null,
	organisationId: string,
	request: Request
): Promise<OpenedUpload> {
	authorize(actor, 'signals.import', { organisationId });
	const maxBytes = uploadLimitBytes();
	const { fields, files } = streamMultipart(request, { fileBytes: maxBytes, files: 2 });
	try {
		return { fields, first: await files.next(), files, maxBytes };
	} catch (e) {
		throw uploadFailure(e);
	}
}

/** Imports an opened upload; a body that breaks off while a file is read is refused as such. */
export async function importOpened(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	{ fields, first, files, maxBytes }: OpenedUpload,
	onProgress?: ImportOptions['onProgress']
): Promise<ImportOutcome> {
	const period = fields.from || fields.to ? { from: fields.from ?? '', to: fields.to ?? '' } : undefined;
	const mappings = parseColumnMappings(fields.mapping);
	if (!mappings) throw new ValidationError({ mapping: { key: 'signals.mapping.invalid' } });
	async function* uploads(): AsyncGenerator<UploadFile> {
		if (first.done) return;
		yield { name: first.value.name, stream: first.value.stream };
		for await (const file of files) yield { name: file.name, stream: file.stream };
	}
	try {
		return await importSignals(db, actor, organisationId, uploads(), {
			period,
			maxBytes,
			onProgress,
			mappings,
			confirm: fields.confirm
		});
	} catch (e) {
		throw uploadFailure(e);
	}
}

/** An upload form as it arrives, imported. */
export async function importFromRequest(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	request: Request,
	onProgress?: ImportOptions['onProgress']
): Promise<ImportOutcome> {
	return importOpened(
		db,
		actor,
		organisationId,
		await openUpload(actor, organisationId, request),
		onProgress
	);
}
