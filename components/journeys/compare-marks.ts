/**
 * Where diffJourneys()'s changes show in the two side-by-side columns: added stages and items in
 * the newer one, removed ones in the older one. Pure, unit-tested.
 */
import type { JourneyDoc, StageChange } from '@/lib/journeys/model';
import type { StageMarks } from './StageCards';

type Stages = Pick<JourneyDoc, 'stages'>;

export function compareMarks(a: Stages, b: Stages, changes: StageChange[]): { a: StageMarks[]; b: StageMarks[] } {
  const ma: StageMarks[] = a.stages.map(() => ({}));
  const mb: StageMarks[] = b.stages.map(() => ({}));
  const added = new Set(changes.flatMap((c) => (c.kind === 'added' ? [c.index] : [])));
  for (const c of changes) {
    if (c.kind === 'added') mb[c.index]!.stage = 'added';
    if (c.kind === 'removed') ma[c.index]!.stage = 'removed';
    if (c.kind !== 'items') continue;
    const ib = b.stages.findIndex((s, i) => s.name === c.name && !added.has(i));
    if (ib < 0) continue;
    // A kept stage sits at the same position in both unless the diff says it moved.
    const moved = changes.find((x) => x.kind === 'moved' && x.to === ib);
    const ia = moved?.kind === 'moved' ? moved.from : ib;
    if (c.added.length) mb[ib]!.items = { ...mb[ib]!.items, [c.lane]: { mark: 'added', texts: c.added } };
    if (c.removed.length && ma[ia]) ma[ia].items = { ...ma[ia].items, [c.lane]: { mark: 'removed', texts: c.removed } };
  }
  return { a: ma, b: mb };
}
