/**
 * The pure journey model: reordering, the diff of two versions (what the compare page shows) and
 * the import parser's answers, with the path of each problem.
 */
import { describe, expect, it } from 'vitest';
import { move } from '@/components/journeys/map/editor-state';
import { diffJourneys, emptyLanes, JOURNEY_FORMAT, parseJourneyDoc, type JourneyDoc, type StageKey } from '@/lib/journeys/model';

type Stage = JourneyDoc['stages'][number];

function stage(name: string, key: StageKey | null = null, over: Partial<Stage> = {}): Stage {
  return { key, name, emotion: { score: null, note: '' }, metric: '', lanes: emptyLanes(), ...over };
}

const base = () => [stage('Kesadaran', 'awareness'), stage('Pertimbangan', 'consideration'), stage('Pembelian', 'purchase')];

describe('move', () => {
  it('moves an item forwards and backwards, leaving the input alone', () => {
    const list = ['a', 'b', 'c', 'd'];
    expect(move(list, 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(move(list, 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(list).toEqual(['a', 'b', 'c', 'd']);
  });

  it('clamps the target and ignores a source out of range', () => {
    expect(move(['a', 'b', 'c'], 0, 99)).toEqual(['b', 'c', 'a']);
    expect(move(['a', 'b', 'c'], 2, -5)).toEqual(['c', 'a', 'b']);
    expect(move(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });
});

describe('diffJourneys', () => {
  it('finds nothing between equal maps', () => {
    expect(diffJourneys({ stages: base() }, { stages: base() })).toEqual([]);
  });

  it('reports an added and a removed stage with their positions', () => {
    const added = [...base(), stage('Retensi', 'retention')];
    expect(diffJourneys({ stages: base() }, { stages: added })).toEqual([{ kind: 'added', name: 'Retensi', index: 3 }]);
    const removed = [base()[0]!, base()[2]!];
    expect(diffJourneys({ stages: base() }, { stages: removed })).toEqual([
      { kind: 'removed', name: 'Pertimbangan', index: 1 },
      { kind: 'moved', name: 'Pembelian', from: 2, to: 1 },
    ]);
  });

  it('reports a renamed stage, matched by its model key', () => {
    const b = base();
    b[1] = { ...b[1]!, name: 'Minat' };
    expect(diffJourneys({ stages: base() }, { stages: b })).toEqual([{ kind: 'renamed', from: 'Pertimbangan', to: 'Minat', index: 1 }]);
  });

  it('reports a custom stage renamed in place when the number of stages is the same', () => {
    const a = [stage('Datang ke bengkel'), stage('Bayar')];
    const b = [stage('Dijemput di rumah'), stage('Bayar')];
    expect(diffJourneys({ stages: a }, { stages: b })).toEqual([{ kind: 'renamed', from: 'Datang ke bengkel', to: 'Dijemput di rumah', index: 0 }]);
  });

  it('reports moved stages', () => {
    const [x, y, z] = base();
    expect(diffJourneys({ stages: [x!, y!, z!] }, { stages: [z!, x!, y!] })).toEqual([
      { kind: 'moved', name: 'Pembelian', from: 2, to: 0 },
      { kind: 'moved', name: 'Kesadaran', from: 0, to: 1 },
      { kind: 'moved', name: 'Pertimbangan', from: 1, to: 2 },
    ]);
  });

  it('reports emotion and metric changes', () => {
    const b = base();
    b[0] = { ...b[0]!, emotion: { score: -2, note: 'Telepon tidak diangkat' }, metric: 'Jumlah telepon masuk' };
    expect(diffJourneys({ stages: base() }, { stages: b })).toEqual([
      { kind: 'emotion', name: 'Kesadaran', from: null, to: -2 },
      { kind: 'metric', name: 'Kesadaran', from: '', to: 'Jumlah telepon masuk' },
    ]);
  });

  it('reports items added and removed per lane, touchpoints by channel and label', () => {
    const a = base();
    a[0] = { ...a[0]!, lanes: { ...emptyLanes(), actions: ['Cari di Google', 'Tanya teman'], touchpoints: [{ channel: 'whatsapp', label: '' }] } };
    const b = base();
    b[0] = {
      ...b[0]!,
      lanes: { ...emptyLanes(), actions: ['Cari di Google', 'Lihat TikTok'], touchpoints: [{ channel: 'whatsapp', label: '' }, { channel: 'custom', label: 'Spanduk' }] },
    };
    expect(diffJourneys({ stages: a }, { stages: b })).toEqual([
      { kind: 'items', name: 'Kesadaran', lane: 'actions', added: ['Lihat TikTok'], removed: ['Tanya teman'] },
      { kind: 'items', name: 'Kesadaran', lane: 'touchpoints', added: ['Spanduk'], removed: [] },
    ]);
  });
});

describe('parseJourneyDoc', () => {
  const valid = { format: JOURNEY_FORMAT, version: 1, name: 'Servis mobil', stages: [{ name: 'Kesadaran', key: 'awareness' }] };

  it('accepts a minimal document and fills the defaults', () => {
    const r = parseJourneyDoc(JSON.stringify(valid));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc).toMatchObject({ status: 'draft', stageModel: 'blank', isCycle: false, persona: null });
    expect(r.doc.stages[0]).toEqual({ key: 'awareness', name: 'Kesadaran', emotion: { score: null, note: '' }, metric: '', lanes: emptyLanes() });
  });

  it('refuses text that is not JSON, for the whole file', () => {
    expect(parseJourneyDoc('{"format": "jejak.journey",')).toEqual({ ok: false, problems: [{ path: '', key: 'validation.import_json' }] });
  });

  it('refuses another format and another version', () => {
    const r = parseJourneyDoc(JSON.stringify({ ...valid, format: 'trello.board', version: 2 }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual(
      expect.arrayContaining([
        { path: 'format', key: 'validation.import_format' },
        { path: 'version', key: 'validation.import_version' },
      ]),
    );
  });

  it('names the path of a stage without a name, and of other bad fields', () => {
    const r = parseJourneyDoc(
      JSON.stringify({
        ...valid,
        stages: [{ name: '  ' }, { name: 'Pembelian', emotion: { score: 5 } }, { name: 'Retensi', lanes: { touchpoints: [{ channel: 'custom', label: '' }] } }],
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { path: 'stages.0.name', key: 'validation.stage_name' },
      { path: 'stages.1.emotion.score', key: 'validation.emotion_range' },
      { path: 'stages.2.lanes.touchpoints', key: 'validation.touchpoint_label' },
    ]);
  });

  it('refuses more than 12 stages', () => {
    const r = parseJourneyDoc(JSON.stringify({ ...valid, stages: Array.from({ length: 13 }, (_, i) => ({ name: `Tahap ${i + 1}` })) }));
    expect(r).toEqual({ ok: false, problems: [{ path: 'stages', key: 'validation.too_many_stages' }] });
  });
});
