import { emptyFigures, type UnitMonthFigures } from '../../src/lib/domain/signals/figures';
import type { UnitNode } from '../../src/lib/domain/units';

/** A small unit tree and the months of its small teams, for the roll-up and disclosure tests of the signals. */

/** A unit that is only a place in the tree: its id is its code and its name. */
export const unitNode = (id: string, parentId: string | null): UnitNode => ({
	id,
	parentId,
	code: id,
	name: id,
	headcount: null,
	archived: false
});

// R ─┬─ A ─┬─ A1
//    │     └─ A2
//    └─ B
export const TREE = [
	unitNode('R', null),
	unitNode('A', 'R'),
	unitNode('A1', 'A'),
	unitNode('A2', 'A'),
	unitNode('B', 'R')
];

/** A month of a team of `headcount`: 20 planned days and 1 short sick day each, no other sick days. */
export const smallTeam = (unitId: string, headcount: number, month = '2025-01'): UnitMonthFigures => ({
	...emptyFigures(unitId, month),
	headcount,
	plannedDays: headcount * 20,
	sickDaysShort: headcount,
	sickDaysMedium: 0,
	sickDaysLong: 0
});
