/**
 * Collective signals: HR uploads of absence, staffing and incapacity, turned into figures per unit
 * and month, and the indicators computed from them. Pure: no I/O, no Svelte, no database.
 *
 * Import, as the server wires it to a streaming CSV reader:
 *
 *   const match = detectSignalsFormat(headerCells);          // formats.ts
 *   if (!match.ok) → refuse with match.problems (line 1)
 *   const acc = new SignalsAccumulator({ knownUnitCodes, today, period?, maxProblems? });
 *   acc.begin(match);                                          // once per file: monthly alone,
 *   for each record: acc.add(line, cells);                     // or spells and/or staffing
 *   const result = acc.finish();
 *   result.ok ? store result.figures (replacing only result.supplied figures of those unit-months)
 *             : show result.problems (+ problemCount) and result.unknownUnits
 *
 * - formats.ts: the three formats, their columns and header names (nl/fr/en), format detection,
 *   templates, the words for absence types and leave reasons.
 * - parse.ts: allocation-free cell parsers (numbers with decimal comma or point, dates, months)
 *   returning a number or a failure code.
 * - calendar.ts: day numbers, months and workday counts as integer arithmetic.
 * - aggregate.ts: SignalsAccumulator, which combines the files of an upload into UnitMonthFigures;
 *   aggregate-spells.ts, aggregate-staff.ts and aggregate-monthly.ts each validate the rows of one
 *   format and add its figures, aggregate-shared.ts holds what their rows share (problems, unit
 *   codes, employee keys, dates, the unit-month grid), columns.ts the typed column store.
 * - mapping.ts: the column mapping step (suggestions, a file's header read through a mapping).
 * - file-check.ts: what kind of file an upload is, judged from its first bytes (browser and server).
 * - problems.ts: SignalProblem, the capped problem list (the same problem on many rows listed
 *   once) and the list of unknown unit codes; problem-text.ts: a problem's words in a language.
 * - figures.ts: UnitMonthFigures and the replacement rule (null = not supplied).
 * - registry.ts: every indicator defined once (figures, aggregation, unit, health, early warning).
 * - indicators.ts: computeIndicators (it only computes; no gate), rollingMonths, rollUpFigures.
 * - gate.ts: the signals gate, the month plans: the indicators of a range, early warning's series.
 *
 * docs/signals-import.md (columns and rules) and docs/indicators.md (definitions) are the reference.
 */
export * from './aggregate';
export * from './calendar';
export * from './figures';
export * from './formats';
export * from './file-check';
export * from './indicators';
export * from './mapping';
export * from './parse';
export * from './problems';
