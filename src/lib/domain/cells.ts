import { packedCount, unpacked, type Disclosed, type DisclosedPack } from './anonymity';
import type { DimensionFigure } from './wave-results';

/**
 * Reading a heatmap row's packed cells. Pages and components may import this module: it reads
 * figures that went through the gate (anonymity.ts, discloseEachPacked, which wave-results.ts
 * calls) and makes none of its own.
 */

/**
 * A unit's cells packed: per dimension n (or the reason it is hidden), then mean, green, orange
 * and red. What a heatmap keeps and sends per row: one array instead of six heap objects a cell.
 */
export type DimensionCells = DisclosedPack;

/** The numbers of a shown cell after its n. */
export const CELL_WIDTH = 4;

/** Cell `d` of a unit's packed cells, as `cellsOf` (wave-results.ts) gives it. */
export function cellAt(cells: DimensionCells, d: number): Disclosed<DimensionFigure> {
	return unpacked(cells, d, CELL_WIDTH, readDimension);
}

/** Every cell of a unit's packed cells, as `cellsOf` gives them. */
export function cellList(cells: DimensionCells): Disclosed<DimensionFigure>[] {
	return Array.from({ length: packedCount(cells, CELL_WIDTH) }, (_, d) => cellAt(cells, d));
}

const readDimension = (pack: Float64Array, at: number): DimensionFigure => ({
	mean: pack[at]!,
	green: pack[at + 1]!,
	orange: pack[at + 2]!,
	red: pack[at + 3]!
});
