'use client';

import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@/lib/journeys/model';
import { plainSubtitleKey } from '@/lib/journeys/stage-plain';
import { DeleteStage } from './DeleteStage';
import { fieldId, type EditorAction, type EditorStage } from './editor-state';
import { EmotionField } from './EmotionField';
import { StageReviews, type StageReviewLine } from './StageReviews';
import { inputClass, laneHeading, smallButton } from './styles';
import { TextLane } from './TextLane';
import { TouchpointLane } from './TouchpointLane';

export interface StageCardProps {
  stage: EditorStage;
  index: number;
  total: number;
  /** Translated messages by input id. */
  issues: Record<string, string>;
  dispatch: (a: EditorAction) => void;
  focus: (id: string) => void;
  onMove: (index: number, by: -1 | 1) => void;
  onRemove: (stage: EditorStage, index: number) => void;
  onDragStart: (e: DragEvent, index: number) => void;
  dropTarget: boolean;
  /** What customers said about this stage (a saved stage, for members who may read reviews). */
  reviews?: StageReviewLine;
}

/** One stage of the map: its name, order and every lane. A column on wide screens, a card on a phone. */
export function StageCard({ stage, index, total, issues, dispatch, focus, onMove, onRemove, onDragStart, dropTarget, reviews }: StageCardProps) {
  const { t } = useTranslation('map');
  const { t: tj } = useTranslation('journeys');
  const { uid } = stage;
  const shownName = stage.name.trim() || t('editor.untitled', { n: index + 1 });
  // "Kesadaran" → "mulai kenal usaha Anda": a model stage's marketing name gets its plain words.
  const plainKey = plainSubtitleKey(tj, stage.key, stage.name);
  const headingId = fieldId(uid, 'heading');
  const nameId = fieldId(uid, 'name');
  const metricId = fieldId(uid, 'metric');
  const nameError = issues[nameId];
  const lane = { uid, describedBy: headingId, dispatch, focus };

  return (
    <div className={`h-full rounded-xl border bg-white p-3 shadow-sm ${dropTarget ? 'border-brand-700 ring-2 ring-brand-600' : 'border-slate-200'}`}>
      <div className="flex items-center gap-2">
        {/* Dragging is a mouse shortcut; the move buttons beside it do the same by keyboard and touch. */}
        <span
          draggable
          onDragStart={(e) => onDragStart(e, index)}
          aria-hidden="true"
          title={t('editor.drag')}
          className="hidden cursor-grab select-none rounded px-1 text-lg leading-none text-slate-700 md:inline"
        >
          ⠿
        </span>
        <h3 id={headingId} className="min-w-0 flex-1 truncate font-semibold text-slate-900">
          <span className="block text-xs font-normal text-slate-700">{t('editor.position', { n: index + 1, total })}</span>{' '}
          {shownName}
        </h3>
        <button
          id={fieldId(uid, 'left')}
          type="button"
          disabled={index === 0}
          onClick={() => onMove(index, -1)}
          aria-label={t('editor.move_left', { stage: shownName })}
          className={smallButton}
        >
          <span aria-hidden="true" className="md:hidden">
            ↑
          </span>
          <span aria-hidden="true" className="hidden md:inline">
            ←
          </span>
        </button>
        <button
          id={fieldId(uid, 'right')}
          type="button"
          disabled={index === total - 1}
          onClick={() => onMove(index, 1)}
          aria-label={t('editor.move_right', { stage: shownName })}
          className={smallButton}
        >
          <span aria-hidden="true" className="md:hidden">
            ↓
          </span>
          <span aria-hidden="true" className="hidden md:inline">
            →
          </span>
        </button>
      </div>
      {plainKey ? (
        <p className="mt-1 text-sm text-slate-700" data-testid="stage-plain">
          {tj(plainKey)}
        </p>
      ) : null}

      {reviews ? (
        <div className="mt-1">
          <StageReviews line={reviews} />
        </div>
      ) : null}

      <div className="mt-3">
        <label htmlFor={nameId} className="block text-sm font-medium text-slate-800">
          {t('editor.stage_name', { n: index + 1 })}
        </label>
        <input
          id={nameId}
          value={stage.name}
          maxLength={LIMITS.name}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${nameId}-error` : undefined}
          onChange={(e) => dispatch({ type: 'renameStage', uid, name: e.target.value })}
          className={`${inputClass} mt-1 font-semibold`}
        />
        {nameError ? (
          <p id={`${nameId}-error`} className="mt-1 text-sm font-medium text-red-700">
            {nameError}
          </p>
        ) : null}
      </div>

      <div className="mt-4 space-y-5">
        <TextLane {...lane} lane="actions" items={stage.lanes.actions} />
        <TouchpointLane {...lane} items={stage.lanes.touchpoints} issues={issues} />
        <TextLane {...lane} lane="questions" items={stage.lanes.questions} />
        <EmotionField uid={uid} score={stage.emotion.score} note={stage.emotion.note} dispatch={dispatch} />
        <TextLane {...lane} lane="painPoints" items={stage.lanes.painPoints} />
        <TextLane {...lane} lane="opportunities" items={stage.lanes.opportunities} />
        <TextLane {...lane} lane="content" items={stage.lanes.content} />
        <div>
          <label htmlFor={metricId} className={`block ${laneHeading}`}>
            {tj('lanes.metric')}
          </label>
          <input
            id={metricId}
            value={stage.metric}
            maxLength={LIMITS.text}
            aria-describedby={`${metricId}-hint`}
            onChange={(e) => dispatch({ type: 'setMetric', uid, metric: e.target.value })}
            className={`${inputClass} mt-1`}
          />
          <p id={`${metricId}-hint`} className="mt-1 text-sm text-slate-700">
            {t('editor.metric_hint')}
          </p>
        </div>
      </div>

      <div className="mt-5 border-t border-slate-200 pt-3">
        <DeleteStage name={shownName} onConfirm={() => onRemove(stage, index)} />
      </div>
    </div>
  );
}
