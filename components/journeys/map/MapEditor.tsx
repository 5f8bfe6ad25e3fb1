'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useActionState, useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';
import { LIMITS } from '@/lib/journeys/limits';
import type { MapSaveAnswer, StageDoc } from '@/lib/journeys/model';
import { onDetailsSaved } from './details-saved';
import { applyAction, fieldId, fromStages, historyOf, signature, toSave, undo, validate, type EditorAction, type EditorHistory, type EditorStage } from './editor-state';
import { GridContext, gridLanes, ROW, ROWS, type Editing, type GridApi } from './grid-api';
import { MapCurve } from './MapCurve';
import { SaveBar } from './SaveBar';
import { StageColumn } from './StageColumn';
import { StageNav, useStageScroller } from './StageNav';
import type { StageReviewLine } from './StageReviews';
import { useUnsavedWarning } from './useUnsavedWarning';

const ADD_STAGE_ID = 'map-add-stage';

/**
 * The journey map, read first and edited where it stands: stages as columns, lanes as rows (one
 * stage per screen with a swipe on a phone). The whole map lives in one state object with the
 * documents before each change ("undo"), and is saved as a whole naming the revision it was loaded
 * at: if a teammate saved in between, the save is refused and the edits stay on screen until the
 * user chooses to load the newer version.
 */
export function MapEditor({
  action,
  journeyId,
  revision,
  isCycle,
  stages,
  reviews,
  canWrite,
  submission,
}: {
  action: FormAction<MapSaveAnswer>;
  journeyId: string;
  revision: number;
  isCycle: boolean;
  stages: StageDoc[];
  /** Each saved stage's review line by stage id (absent: the member may not read reviews). */
  reviews?: Record<string, StageReviewLine>;
  canWrite: boolean;
  submission: string;
}) {
  const { t } = useTranslation('map');
  const { t: tc } = useTranslation('common');
  const { t: tj } = useTranslation('journeys');
  const router = useRouter();
  const [hist, setHist] = useState<EditorHistory>(() => historyOf(fromStages(stages, isCycle)));
  const doc = hist.doc;
  const dispatch = useCallback((a: EditorAction) => setHist((h) => applyAction(h, a)), []);
  const [editing, setEditing] = useState<Editing | null>(null);
  /** The revision the edits on screen started from: what the next save names. */
  const [base, setBase] = useState(revision);
  const [savedSig, setSavedSig] = useState(() => signature(fromStages(stages, isCycle)));
  const [seenRevision, setSeenRevision] = useState(revision);
  const [reloading, setReloading] = useState(false);
  const [checked, setChecked] = useState(false);
  const [hidden, setHidden] = useState<ActionState<MapSaveAnswer> | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const sent = useRef<{ uids: string[]; sig: string } | null>(null);
  const newStages = useRef(0);
  const focusTarget = useRef<string | null>(null);
  const docRef = useRef(doc);
  useEffect(() => {
    docRef.current = doc;
  });
  const { ref: gridRef, onScroll, scrollTo, first: firstShown, shown: shownCount, overflow } = useStageScroller(doc.stages.length);

  const [state, formAction, pending] = useActionState<ActionState<MapSaveAnswer>, FormData>(async (prev, fd) => {
    const result = await action(prev, fd);
    const submitted = sent.current;
    const saved = result.status === 'ok' && result.data && 'stageIds' in result.data ? result.data : null;
    if (saved && submitted) {
      setBase(saved.revision);
      setSavedSig(submitted.sig);
      dispatch({ type: 'saved', uids: submitted.uids, ids: saved.stageIds });
    }
    return result;
  }, idleState);

  const sig = useMemo(() => signature(doc), [doc]);
  const conflict = state.status === 'error' && !!state.data && 'conflict' in state.data && state !== hidden;
  const dirty = sig !== savedSig;
  useUnsavedWarning(dirty && canWrite, t('editor.leave_unsaved'));

  // A newer version arrived from the server (after a save, a details change, or "reload"): take it,
  // unless that would throw away edits the user has not chosen to discard.
  if (revision !== seenRevision || (reloading && revision > base)) {
    setSeenRevision(revision);
    if (revision >= base && (!dirty || reloading)) {
      const fresh = fromStages(stages, isCycle);
      setHist(historyOf(fresh));
      setEditing(null);
      setSavedSig(signature(fresh));
      setBase(revision);
      // The refused save's message no longer applies to what is on screen.
      if (conflict || reloading) setHidden(state);
      setReloading(false);
      setChecked(false);
    }
  }

  useEffect(
    () =>
      onDetailsSaved((d) => {
        if (d.journeyId === journeyId) setBase((b) => (b === d.from ? d.to : b));
      }),
    [journeyId],
  );

  useEffect(() => {
    const id = focusTarget.current;
    if (!id) return;
    focusTarget.current = null;
    document.getElementById(id)?.focus();
  });

  const nameOf = useCallback((s: EditorStage, i: number) => s.name.trim() || t('editor.untitled', { n: i + 1 }), [t]);

  const api = useMemo<GridApi>(
    () => ({
      readOnly: !canWrite,
      dispatch,
      edit: setEditing,
      focus: (id) => {
        focusTarget.current = id;
      },
      announce: setAnnouncement,
      moveStage: (from, by) => {
        const list = docRef.current.stages;
        const stage = list[from];
        const to = from + by;
        if (!stage || to < 0 || to >= list.length) return;
        dispatch({ type: 'moveStage', from, to });
        setAnnouncement(t('editor.moved', { stage: nameOf(stage, from), n: to + 1, total: list.length }));
        focusTarget.current = fieldId(stage.uid, 'menu');
        scrollTo(to, false);
      },
      removeStage: (index) => {
        const list = docRef.current.stages;
        const stage = list[index];
        if (!stage) return;
        dispatch({ type: 'removeStage', uid: stage.uid });
        setEditing(null);
        setAnnouncement(t('grid.stage_deleted', { name: nameOf(stage, index) }));
        const next = list[index + 1] ?? list[index - 1];
        focusTarget.current = next ? fieldId(next.uid, 'name') : ADD_STAGE_ID;
      },
    }),
    [canWrite, dispatch, nameOf, scrollTo, t],
  );

  const total = doc.stages.length;

  const addStage = () => {
    newStages.current += 1;
    const uid = `new-${newStages.current}`;
    const name = t('editor.new_stage', { n: total + 1 });
    dispatch({ type: 'addStage', uid, name });
    setAnnouncement(t('editor.added', { name }));
    // Named right away, where it now stands at the end of the map.
    setEditing({ uid, field: 'name' });
    scrollTo(total, false);
  };

  const onUndo = () => {
    if (!hist.past.length) return;
    setHist(undo);
    setEditing(null);
    setAnnouncement(t('grid.undone'));
  };

  const issues = checked ? validate(doc, base) : {};
  const messages = Object.fromEntries(Object.entries(issues).map(([k, v]) => [k, tc(v)]));

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (pending || !canWrite) return;
    const found = validate(doc, base);
    const first = Object.keys(found)[0];
    if (first) {
      setChecked(true);
      const stage = doc.stages.find((s) => first.startsWith(`map-${s.uid}-`));
      if (stage && first === fieldId(stage.uid, 'name')) setEditing({ uid: stage.uid, field: 'name' });
      return;
    }
    setChecked(false);
    setReloading(false);
    sent.current = { uids: doc.stages.map((s) => s.uid), sig };
    const fd = new FormData();
    fd.set('journeyId', journeyId);
    fd.set('map', JSON.stringify(toSave(doc, base)));
    fd.set('_submission', state.submission ?? submission);
    // Sent by hand rather than through <form action>: React resets a form after its action.
    startTransition(() => formAction(fd));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    // Ctrl/⌘+Z outside a text field undoes the last change to the map (inside one, the field's own undo).
    const target = e.target as HTMLElement;
    if (e.key.toLowerCase() === 'z' && (e.ctrlKey || e.metaKey) && !e.shiftKey && !target.closest('input, textarea, select') && canWrite) {
      e.preventDefault();
      onUndo();
    }
  };

  const fieldError = state.fieldErrors ? Object.values(state.fieldErrors)[0] : undefined;
  const shown: ActionState<MapSaveAnswer> =
    conflict || state === hidden || (state.status === 'ok' && dirty) ? idleState : { ...state, message: state.message ?? fieldError };
  const problem = Object.keys(issues).length ? (messages._form ?? t('editor.fix_errors')) : null;
  const first = doc.stages[0];
  const last = doc.stages[total - 1];
  const reviewsOf = (s: EditorStage) => (s.id ? reviews?.[s.id] : undefined);
  const curveStages = doc.stages.map((s, i) => ({ name: nameOf(s, i), score: s.emotion.score, line: reviewsOf(s) }));
  const rowLabel = 'flex items-start border-t border-slate-200 px-2 py-2 text-sm font-semibold text-slate-800';

  return (
    <section aria-labelledby="map-heading" className="mt-6" data-map-wide="">
      <h2 id="map-heading" className="text-lg font-semibold">
        {t('editor.heading')}
      </h2>
      <p className="mt-1 max-w-3xl text-slate-700">{canWrite ? t('grid.intro') : t('grid.intro_read')}</p>
      <p id="map-edit-hint" hidden>
        {t('grid.edit_hint')}
      </p>
      <form onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate className="mt-3">
        <fieldset disabled={!canWrite} className="min-w-0 [&_:is(input,textarea,select,button)]:scroll-mb-40 [&_:is(input,textarea,select,button)]:scroll-mt-16">
          <legend className="sr-only">{t('editor.heading')}</legend>
          <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-2">
            <div>
              <label className="inline-flex items-center gap-2 font-medium text-slate-900">
                <input
                  type="checkbox"
                  checked={doc.isCycle}
                  onChange={(e) => dispatch({ type: 'setCycle', value: e.target.checked })}
                  aria-describedby="map-cycle-hint"
                  className="h-5 w-5 accent-brand-700"
                />
                {t('editor.cycle_toggle')}
              </label>
              <p id="map-cycle-hint" className="mt-1 text-sm text-slate-700">
                {t('editor.cycle_hint')}
              </p>
            </div>
            {total < LIMITS.stages ? (
              <button
                id={ADD_STAGE_ID}
                type="button"
                onClick={addStage}
                className="rounded-lg border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50"
              >
                {t('editor.add_stage')}
              </button>
            ) : (
              <p className="text-sm text-slate-700">{t('editor.stage_limit', { max: LIMITS.stages })}</p>
            )}
          </div>

          {total ? (
            <>
              {/* A phone shows the whole curve above the one stage in view; a wide grid has it as a row. */}
              <div className="mt-3 rounded-lg border border-slate-200 bg-white p-2 md:hidden">
                <p className="text-sm font-semibold text-slate-800">{t('curve.heading')}</p>
                <MapCurve stages={curveStages} withReviews={!!reviews} numbered />
              </div>
              <StageNav first={firstShown} shown={shownCount} overflow={overflow} scrollTo={scrollTo} names={doc.stages.map((s, i) => nameOf(s, i))} isCycle={doc.isCycle} />
              <GridContext.Provider value={api}>
                <div
                  ref={gridRef}
                  onScroll={onScroll}
                  data-testid="map-grid"
                  style={{ ['--stages' as string]: total, gridTemplateRows: `repeat(${ROWS}, auto)` }}
                  className="relative isolate flex snap-x snap-mandatory items-start overflow-x-auto overscroll-x-contain rounded-xl border border-slate-300 bg-white shadow-sm md:grid md:max-h-[calc(100dvh-6rem)] md:snap-none md:items-stretch md:overflow-auto md:[grid-template-columns:9rem_repeat(var(--stages),minmax(12.5rem,1fr))]"
                >
                  {/* The lanes' names, for the eye (each cell names its lane to screen readers): stays at the left as the stages scroll. */}
                  <div aria-hidden="true" style={{ gridColumn: 1 }} className="sticky left-0 z-30 hidden border-r border-slate-300 bg-slate-100 md:row-span-full md:grid md:grid-rows-subgrid">
                    <div style={{ gridRow: ROW.header }} className="sticky top-0 z-10 bg-slate-100 px-2 py-2 text-sm font-semibold text-slate-800">
                      {t('grid.corner')}
                    </div>
                    <div style={{ gridRow: ROW.info }} className="px-2 text-sm text-slate-700">
                      {reviews ? t('reviews.print_row') : null}
                    </div>
                    <div style={{ gridRow: ROW.curve }} className={rowLabel}>
                      {t('curve.heading')}
                    </div>
                    <div style={{ gridRow: ROW.emotion }} className={rowLabel}>
                      {tj('lanes.emotion')}
                    </div>
                    {gridLanes.map((lane) => (
                      <div key={lane} style={{ gridRow: ROW[lane] }} className={rowLabel}>
                        {tj(`lanes.${lane}`)}
                      </div>
                    ))}
                    <div style={{ gridRow: ROW.metric }} className={rowLabel}>
                      {tj('lanes.metric')}
                    </div>
                  </div>
                  {doc.stages.map((s, i) => (
                    <StageColumn
                      key={s.uid}
                      stage={s}
                      index={i}
                      total={total}
                      editing={editing?.uid === s.uid ? editing : null}
                      nameError={messages[fieldId(s.uid, 'name')]}
                      reviews={reviewsOf(s)}
                    />
                  ))}
                  {/* The curve's points sit over their stages' columns: percent x in a row across them (after the columns, so drawn over their empty cells). */}
                  <div style={{ gridRow: ROW.curve, gridColumn: '2 / -1' }} className="relative z-10 hidden border-t border-slate-200 bg-white px-0 py-1 md:block">
                    <MapCurve stages={curveStages} withReviews={!!reviews} />
                  </div>
                </div>
              </GridContext.Provider>
            </>
          ) : (
            <p className="mt-4 rounded-xl border border-dashed border-slate-300 bg-white p-4 text-slate-700">{t('editor.no_stages')}</p>
          )}

          {doc.isCycle && first && last && total > 1 ? (
            <p className="mt-3 flex items-start gap-2 rounded-lg bg-brand-50 px-3 py-2 font-medium text-brand-800">
              <span aria-hidden="true" className="text-xl leading-none">
                ↺
              </span>
              <span>{t('editor.cycle_note', { last: nameOf(last, total - 1), first: nameOf(first, 0) })}</span>
            </p>
          ) : null}
        </fieldset>

        {canWrite ? (
          <SaveBar
            state={shown}
            pending={pending}
            dirty={dirty}
            conflict={conflict ? (state.message ?? null) : null}
            problem={problem}
            canUndo={hist.past.length > 0}
            onUndo={onUndo}
            onReload={() => {
              setReloading(true);
              router.refresh();
            }}
          />
        ) : null}
      </form>
      <div role="status" aria-live="polite" className="sr-only">
        {announcement}
      </div>
    </section>
  );
}
