'use client';

import { createContext, useContext } from 'react';
import type { TextLane } from '@/lib/journeys/model';
import type { EditorAction } from './editor-state';

/** What is being edited in place: one stage's name, emotion or metric, or one item of a lane (`insert`: a new item at `index`). */
export type Editing =
  | { uid: string; field: 'name' | 'emotion' | 'metric' }
  | { uid: string; field: TextLane | 'touchpoints'; index: number; insert: boolean };

/** The editor's commands, stable for the life of the editor: the grid's cells re-render only when their own stage changes. */
export interface GridApi {
  /** The member may read the map but not change it: items are text, with no menus or "add". */
  readOnly: boolean;
  dispatch: (a: EditorAction) => void;
  edit: (e: Editing | null) => void;
  /** Focus the element with this id after the next render. */
  focus: (id: string) => void;
  /** Say it to screen readers (a polite live region). */
  announce: (text: string) => void;
  moveStage: (index: number, by: -1 | 1) => void;
  removeStage: (index: number) => void;
}

export const GridContext = createContext<GridApi | null>(null);

export function useGrid(): GridApi {
  const api = useContext(GridContext);
  if (!api) throw new Error('useGrid outside MapEditor');
  return api;
}

/** The grid's rows on wide screens (CSS grid lines, 1-based): every stage column follows them through a subgrid. */
export const ROW = {
  header: 1,
  info: 2,
  curve: 3,
  emotion: 4,
  actions: 5,
  touchpoints: 6,
  questions: 7,
  painPoints: 8,
  opportunities: 9,
  content: 10,
  metric: 11,
} as const;
export const ROWS = 11;

/** Lanes in the grid's order, after the emotion row (as print and share show them). */
export const gridLanes = ['actions', 'touchpoints', 'questions', 'painPoints', 'opportunities', 'content'] as const;
