/**
 * The helpers behind versions, compare, print and export: the download's file name, where the
 * compare page highlights changes, and how touchpoints read.
 */
import { describe, expect, it } from 'vitest';
import { compareMarks } from '@/components/journeys/compare-marks';
import { displayItem, rawItems } from '@/components/journeys/items';
import { attachmentHeader, exportFileName } from '@/lib/journeys/exchange';
import { diffJourneys, emptyLanes, type JourneyDoc } from '@/lib/journeys/model';

type Stage = JourneyDoc['stages'][number];
const stage = (name: string, actions: string[] = []): Stage => ({
  key: null,
  name,
  emotion: { score: null, note: '' },
  metric: '',
  lanes: { ...emptyLanes(), actions },
});

describe('exportFileName', () => {
  it('makes a plain, safe name from the journey name', () => {
    expect(exportFileName('Servis Mobil: Pak Budi')).toBe('servis-mobil-pak-budi.jejak.json');
    expect(exportFileName('Café “Senja” / Makassar')).toBe('cafe-senja-makassar.jejak.json');
    expect(exportFileName('"; rm -rf / ;"')).toBe('rm-rf.jejak.json');
    expect(exportFileName('🚗🔧')).toBe('perjalanan.jejak.json');
    expect(exportFileName('a'.repeat(200))).toHaveLength(60 + '.jejak.json'.length);
  });

  it('is sent as an attachment with no quote or line break from the name', () => {
    expect(attachmentHeader('Kopi "Senja"\r\nX-Evil: 1')).toBe('attachment; filename="kopi-senja-x-evil-1.jejak.json"');
  });
});

describe('compareMarks', () => {
  it('marks added stages and items in the newer map, removed ones in the older', () => {
    const a = { stages: [stage('Datang', ['Telepon bengkel']), stage('Bayar'), stage('Garansi')] };
    const b = { stages: [stage('Datang', ['Kirim WhatsApp']), stage('Bayar'), stage('Ulasan')] };
    const m = compareMarks(a, b, diffJourneys(a, b));
    expect(m.b[0]).toEqual({ items: { actions: { mark: 'added', texts: ['Kirim WhatsApp'] } } });
    expect(m.a[0]).toEqual({ items: { actions: { mark: 'removed', texts: ['Telepon bengkel'] } } });
    // Same number of stages: "Garansi" → "Ulasan" is a rename in place, not an add and a remove.
    expect(m.a[2]).toEqual({});
    expect(m.b[2]).toEqual({});
  });

  it('follows a stage that moved', () => {
    const a = { stages: [stage('Datang', ['Tunai', 'Kartu debit']), stage('Bayar')] };
    const b = { stages: [stage('Cari info'), stage('Bayar'), stage('Datang', ['Tunai', 'QRIS'])] };
    const m = compareMarks(a, b, diffJourneys(a, b));
    expect(m.b[0]).toEqual({ stage: 'added' });
    expect(m.b[2]).toEqual({ items: { actions: { mark: 'added', texts: ['QRIS'] } } });
    expect(m.a).toEqual([{ items: { actions: { mark: 'removed', texts: ['Kartu debit'] } } }, {}]);
  });

  it('marks a removed stage', () => {
    const a = { stages: [stage('Datang'), stage('Bayar')] };
    const b = { stages: [stage('Datang')] };
    expect(compareMarks(a, b, diffJourneys(a, b)).a).toEqual([{}, { stage: 'removed' }]);
  });
});

describe('touchpoint text', () => {
  const label = (c: string) => ({ whatsapp: 'WhatsApp', google_maps: 'Google Maps' })[c] ?? c;
  it('names items as the diff does, and shows channels by their label', () => {
    const lanes = { ...emptyLanes(), touchpoints: [{ channel: 'whatsapp' as const, label: '' }, { channel: 'google_maps' as const, label: 'Profil bengkel' }, { channel: 'custom' as const, label: 'Spanduk' }] };
    const raw = rawItems(lanes, 'touchpoints');
    expect(raw).toEqual(['whatsapp', 'google_maps: Profil bengkel', 'Spanduk']);
    expect(raw.map((r) => displayItem('touchpoints', r, label))).toEqual(['WhatsApp', 'Google Maps: Profil bengkel', 'Spanduk']);
    expect(displayItem('actions', 'whatsapp', label)).toBe('whatsapp');
  });
});
