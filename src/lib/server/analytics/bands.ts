import { sql, type RawBuilder } from 'kysely';
import type { Band } from '../../instruments/types';

/** The band codes the SQL band expression yields, as summaries count them. */
export const BAND_CODE = { green: 0, orange: 1, red: 2 } as const satisfies Record<Band, number>;

/** The band of a code from bandSql (null for a missing score). */
export function bandOfCode(code: number | null): Band | null {
	if (code === null) return null;
	if (code === BAND_CODE.red) return 'red';
	if (code === BAND_CODE.orange) return 'orange';
	return 'green';
}

/**
 * The SQL form of the domain's `bandOf` (src/lib/domain/scoring.ts), so that counts made in the
 * database agree with a respondent's own result: the band code (BAND_CODE) of `score` for
 * thresholds `orange` and `red`, both inclusive, upwards when `riskHigh` is true and downwards
 * otherwise; null when the score is null. Each argument is any SQL expression (a column, a
 * parameter), compared as float8. tests/integration/bands.test.ts checks it against `bandOf` at
 * and around the thresholds on both engines.
 */
export function bandSql(
	score: RawBuilder<unknown>,
	riskHigh: RawBuilder<unknown>,
	orange: RawBuilder<unknown>,
	red: RawBuilder<unknown>
): RawBuilder<number | null> {
	return sql<number | null>`case
		when ${score} is null then null
		when ${riskHigh} then case when ${score} >= ${red} then ${sql.lit(BAND_CODE.red)}
			when ${score} >= ${orange} then ${sql.lit(BAND_CODE.orange)} else ${sql.lit(BAND_CODE.green)} end
		else case when ${score} <= ${red} then ${sql.lit(BAND_CODE.red)}
			when ${score} <= ${orange} then ${sql.lit(BAND_CODE.orange)} else ${sql.lit(BAND_CODE.green)} end
	end`;
}
