'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useActionState, useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';
import { LIMITS, type MapSaveAnswer, type StageDoc } from '@/lib/journeys/model';
import { editorReducer, fieldId, fromStages, signature, toSave, validate, type EditorAction, type EditorDoc, type EditorStage } from './editor-state';
import { onDetailsSaved } from './details-saved';
import { EmotionChart } from './EmotionChart';
import { SaveBar } from './SaveBar';
import { StageCard } from './StageCard';
import type { StageReviewLine } from './StageReviews';
import { useUnsavedWarning } from './useUnsavedWarning';

const ADD_STAGE_ID = 'map-add-stage';

/**
 * The journey map editor. The whole map lives in one state object and is saved as a whole, naming
 * the revision it was loaded at: if a teammate saved in between, the save is refused and the edits
 * stay on screen until the user chooses to load the newer version.
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
  const router = useRouter();
  const [doc, setDoc] = useState<EditorDoc>(() => fromStages(stages, isCycle));
  const dispatch = useCallback((a: EditorAction) => setDoc((d) => editorReducer(d, a)), []);
  /** The revision the edits on screen started from: what the next save names. */
  const [base, setBase] = useState(revision);
  const [savedSig, setSavedSig] = useState(() => signature(fromStages(stages, isCycle)));
  const [seenRevision, setSeenRevision] = useState(revision);
  const [reloading, setReloading] = useState(false);
  const [checked, setChecked] = useState(false);
  const [hidden, setHidden] = useState<ActionState<MapSaveAnswer> | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const sent = useRef<{ uids: string[]; sig: string } | null>(null);
  const newStages = useRef(0);
  const focusTarget = useRef<string | null>(null);

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
      setDoc(fresh);
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

  const focus = useCallback((id: string) => {
    focusTarget.current = id;
  }, []);
  useEffect(() => {
    const id = focusTarget.current;
    if (!id) return;
    focusTarget.current = null;
    document.getElementById(id)?.focus();
  });

  const nameOf = (s: EditorStage, i: number) => s.name.trim() || t('editor.untitled', { n: i + 1 });
  const total = doc.stages.length;

  const moveStage = (from: number, to: number) => {
    const stage = doc.stages[from];
    if (!stage || to < 0 || to >= total || to === from) return;
    dispatch({ type: 'moveStage', from, to });
    setAnnouncement(t('editor.moved', { stage: nameOf(stage, from), n: to + 1, total }));
    return stage;
  };

  const onMove = (index: number, by: -1 | 1) => {
    const to = index + by;
    const stage = moveStage(index, to);
    if (!stage) return;
    // Keep focus on the button pressed, unless the stage reached the end and it is now disabled.
    const stillEnabled = by < 0 ? to > 0 : to < total - 1;
    focus(fieldId(stage.uid, (by < 0) === stillEnabled ? 'left' : 'right'));
  };

  const onRemove = (stage: EditorStage, index: number) => {
    dispatch({ type: 'removeStage', uid: stage.uid });
    setAnnouncement(t('editor.deleted', { name: nameOf(stage, index) }));
    const next = doc.stages[index + 1] ?? doc.stages[index - 1];
    focus(next ? fieldId(next.uid, 'name') : ADD_STAGE_ID);
  };

  const addStage = () => {
    newStages.current += 1;
    const uid = `new-${newStages.current}`;
    const name = t('editor.new_stage', { n: total + 1 });
    dispatch({ type: 'addStage', uid, name });
    setAnnouncement(t('editor.added', { name }));
    focus(fieldId(uid, 'name'));
  };

  const onDragStart = (e: DragEvent, index: number) => {
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', String(index));
    const card = (e.currentTarget as HTMLElement).closest('li');
    if (card) e.dataTransfer.setDragImage(card, 24, 24);
    setDragFrom(index);
  };
  const endDrag = () => {
    setDragFrom(null);
    setDropAt(null);
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
      if (first !== '_form') document.getElementById(first)?.focus();
      return;
    }
    setChecked(false);
    setReloading(false);
    sent.current = { uids: doc.stages.map((s) => s.uid), sig };
    const fd = new FormData();
    fd.set('journeyId', journeyId);
    fd.set('map', JSON.stringify(toSave(doc, base)));
    fd.set('_submission', state.submission ?? submission);
    // Sent by hand rather than through <form action>: React resets a form after its action, and
    // this form's inputs are all controlled by `doc`.
    startTransition(() => formAction(fd));
  };

  const fieldError = state.fieldErrors ? Object.values(state.fieldErrors)[0] : undefined;
  const shown: ActionState<MapSaveAnswer> =
    conflict || state === hidden || (state.status === 'ok' && dirty) ? idleState : { ...state, message: state.message ?? fieldError };
  const problem = Object.keys(issues).length ? (messages._form ?? t('editor.fix_errors')) : null;
  const first = doc.stages[0];
  const last = doc.stages[total - 1];

  return (
    <div className="mt-6 space-y-6">
      <EmotionChart stages={doc.stages.map((s) => ({ uid: s.uid, id: s.id, name: s.name, score: s.emotion.score }))} reviews={reviews} />

      <section aria-labelledby="map-heading">
        <h2 id="map-heading" className="text-lg font-semibold">
          {t('editor.heading')}
        </h2>
        <p className="mt-1 text-slate-700">{t('editor.intro')}</p>
        <form onSubmit={onSubmit} noValidate className="mt-4">
          <fieldset disabled={!canWrite} className="min-w-0 [&_:is(input,textarea,select,button)]:scroll-mb-40">
            <legend className="sr-only">{t('editor.heading')}</legend>
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

            {total > 1 ? (
              // On a phone the stages stack into a long page: jump straight to one.
              <nav aria-label={t('editor.stage_nav')} className="mt-4 md:hidden">
                <ol className="flex flex-wrap items-center gap-1 text-sm">
                  {doc.stages.map((s, i) => (
                    <li key={s.uid} className="flex min-w-0 items-center gap-1">
                      {i > 0 ? (
                        <span aria-hidden="true" className="text-slate-500">
                          →
                        </span>
                      ) : null}
                      <a href={`#${fieldId(s.uid, 'heading')}`} className="inline-block min-w-0 wrap-anywhere rounded-full border border-slate-300 bg-white px-3 py-1 text-slate-900 hover:bg-slate-100">
                        {nameOf(s, i)}
                      </a>
                    </li>
                  ))}
                  {doc.isCycle ? (
                    <li aria-hidden="true" className="text-lg leading-none text-brand-800">
                      ↺
                    </li>
                  ) : null}
                </ol>
              </nav>
            ) : null}

            {total ? (
              <ol aria-label={t('editor.stages_label')} className="mt-4 flex flex-col gap-4 md:flex-row md:overflow-x-auto md:pb-3">
                {doc.stages.map((s, i) => (
                  <li
                    key={s.uid}
                    className="md:w-80 md:shrink-0"
                    onDragOver={(e) => {
                      if (dragFrom === null) return;
                      e.preventDefault();
                      e.dataTransfer.dropEffect = 'move';
                      if (dropAt !== i) setDropAt(i);
                    }}
                    onDrop={(e) => {
                      e.preventDefault();
                      if (dragFrom !== null) moveStage(dragFrom, i);
                      endDrag();
                    }}
                    onDragEnd={endDrag}
                  >
                    <StageCard
                      stage={s}
                      index={i}
                      total={total}
                      issues={messages}
                      dispatch={dispatch}
                      focus={focus}
                      onMove={onMove}
                      onRemove={onRemove}
                      onDragStart={onDragStart}
                      dropTarget={dropAt === i && dragFrom !== i}
                      reviews={s.id ? reviews?.[s.id] : undefined}
                    />
                  </li>
                ))}
              </ol>
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

            {total < LIMITS.stages ? (
              <button
                id={ADD_STAGE_ID}
                type="button"
                onClick={addStage}
                className="mt-4 rounded-lg border border-brand-700 bg-white px-4 py-2.5 font-semibold text-brand-800 hover:bg-brand-50"
              >
                {t('editor.add_stage')}
              </button>
            ) : (
              <p className="mt-4 text-sm text-slate-700">{t('editor.stage_limit', { max: LIMITS.stages })}</p>
            )}
          </fieldset>

          {canWrite ? (
            <SaveBar
              state={shown}
              pending={pending}
              dirty={dirty}
              conflict={conflict ? (state.message ?? null) : null}
              problem={problem}
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
    </div>
  );
}
