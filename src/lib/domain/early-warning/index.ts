/**
 * Early warning: which units show a signal that changed or repeats, and why. Pure functions, no
 * I/O. docs/early-warning.md describes the method and every parameter for people; the numbers in
 * its worked example are the tables of the tests beside these files.
 *
 * 1. rates.ts, rates over months (rateSignal, indicatorFindings): a unit's monthly rate against
 *    its own baseline (the 12 months before the last 6) and against the organisation in the same
 *    month, each as an EWMA of standardised differences with a binomial or Poisson standard error
 *    from the unit's denominator, widened by the Laney factor when the months vary more than that.
 * 2. survey.ts, survey dimensions per wave (dimensionFindings): share orange + red and mean score
 *    against the previous wave and against the organisation, with a minimum effect size and a z test.
 * 3. ranking.ts, the attention list (rankUnits): units ranked by the sum of their reasons' points,
 *    every reason returned with its points, its numbers and a message to render in nl, fr or en
 *    (messages.ts).
 *
 * The anonymity gate is in the input types: a month or a wave enters only as a shown value
 * (`shown: true` with its n); a suppressed value has no figures and does not fit. Findings are
 * branded (shared.ts), so the attention list accepts only findings made here from shown values.
 */
export * from './messages';
export * from './ranking';
export * from './rates';
export type { MessageParam, WarningMessage } from './shared';
export * from './survey';
export * from './timeline';
