/**
 * The words a warung owner reads (issue 11, item 13; /work/shared/glossary.md): "kendala
 * pelanggan", never "titik nyeri"; one verb for sending on WhatsApp; buttons in sentence case even
 * where a lane's name is put inside them; the cycle sentence that makes sense; the plain subtitle
 * beside a model stage's marketing name; and none of the calques that were found.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { i18nFor } from '@/lib/i18n/instance';
import { plainStageKeys, plainSubtitleKey } from '@/lib/journeys/stage-plain';
import { textLanes } from '@/lib/journeys/model';

type Tree = { [k: string]: string | Tree };

/** Every value of a language, as "ns:key.path" → text. */
function values(locale: 'id' | 'en'): Map<string, string> {
  const dir = path.join(process.cwd(), 'locales', locale);
  const out = new Map<string, string>();
  const walk = (ns: string, tree: Tree, prefix: string) => {
    for (const [k, v] of Object.entries(tree)) {
      if (typeof v === 'string') out.set(`${ns}:${prefix}${k}`, v);
      else walk(ns, v, `${prefix}${k}.`);
    }
  };
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) walk(f.replace(/\.json$/, ''), JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Tree, '');
  return out;
}

const id = values('id');
const en = values('en');
const tFor = (l: 'id' | 'en', ns: string) => i18nFor(l).getFixedT(l, ns);

describe('the words of the app', () => {
  it('says "kendala pelanggan" and none of the calques found in the walk-through', () => {
    const banned = [/titik nyeri/i, /maksimalkan/i, /\btangkap\b/i, /preferensi/i, /spreadsheet/i, /baris kejujuran/i, /tahan lama/i, /\bduplikat\b/i];
    const found = [...id].filter(([, v]) => banned.some((b) => b.test(v)));
    expect(found).toEqual([]);
    expect(id.get('journeys:lanes.painPoints')).toBe('Kendala pelanggan');
    expect(id.get('app:onboarding.steps.pain_points.title')).toBe('Kenali kendala pelanggan');
  });

  it('sends on WhatsApp with one verb: "Kirim lewat WhatsApp" / "Send via WhatsApp"', () => {
    const buttons = ['team:invite.share_whatsapp', 'versions:share.share_whatsapp', 'review_page:thanks.share_whatsapp', 'reviews:link.whatsapp'];
    for (const key of buttons) {
      expect({ key, id: id.get(key) }).toEqual({ key, id: 'Kirim lewat WhatsApp' });
      expect({ key, en: en.get(key) }).toEqual({ key, en: 'Send via WhatsApp' });
    }
    expect([...id].filter(([, v]) => /bagikan (ke|lewat) whatsapp/i.test(v))).toEqual([]);
    expect([...en].filter(([, v]) => /share (it )?(to|on|via) whatsapp|send on whatsapp/i.test(v))).toEqual([]);
  });

  it('keeps buttons in sentence case where a lane is named inside them', () => {
    const idMap = tFor('id', 'map');
    const enMap = tFor('en', 'map');
    const idLane = tFor('id', 'journeys');
    const enLane = tFor('en', 'journeys');
    expect(idMap('editor.add_item', { lane: idLane('lane_items.actions') })).toBe('Tambah tindakan pelanggan');
    expect(enMap('editor.add_item', { lane: enLane('lane_items.actions') })).toBe('Add customer action');
    expect(idMap('editor.move_item_up', { lane: idLane('lane_items.painPoints'), n: 2 })).toBe('Pindahkan kendala pelanggan 2 ke atas');
    // Every free-text lane has its item word, in lower case in both languages.
    for (const lane of textLanes) {
      for (const [l, t] of [['id', idLane], ['en', enLane]] as const) {
        const word = t(`lane_items.${lane}`);
        expect({ l, lane, word, lower: word === word.toLowerCase() }).toEqual({ l, lane, word, lower: true });
      }
    }
  });

  it('tells the cycle the way it happens: a satisfied customer brings someone new, and the journey starts again', () => {
    for (const key of ['landing:cycle', 'map:editor.cycle_hint', 'versions:map.cycle']) {
      expect(id.get(key)).toMatch(/pelanggan yang puas mengajak orang baru, dan perjalanan dimulai lagi/i);
      expect(en.get(key)).toMatch(/satisfied customers bring someone new, and the journey starts again/i);
    }
    expect(tFor('id', 'map')('editor.cycle_note', { last: 'Advokasi', first: 'Kesadaran' })).toBe('Advokasi kembali ke Kesadaran — pelanggan yang puas mengajak orang baru');
  });

  it('gives a model stage’s marketing name its plain subtitle, and leaves a renamed stage alone', () => {
    const idT = tFor('id', 'journeys');
    const enT = tFor('en', 'journeys');
    const subtitle = (t: typeof idT, key: string | null, name: string) => {
      const k = plainSubtitleKey(t, key, name);
      return k ? t(k) : null;
    };
    expect(subtitle(idT, 'awareness', 'Kesadaran')).toBe('mulai kenal usaha Anda');
    expect(subtitle(idT, 'advocacy', ' advokasi ')).toBe('merekomendasikan Anda');
    expect(subtitle(enT, 'retention', 'Retention')).toBe('coming back');
    expect(subtitle(idT, 'awareness', 'Mencari bengkel')).toBeNull();
    expect(subtitle(idT, 'purchase', 'Pembelian')).toBeNull();
    expect(subtitle(idT, null, 'Kesadaran')).toBeNull();
    for (const key of plainStageKeys) {
      expect(id.get(`journeys:stage_plain.${key}`)).toBeTruthy();
      expect(en.get(`journeys:stage_plain.${key}`)).toBeTruthy();
    }
    // The model picker names the plain words too.
    expect(id.get('journeys:models.five_stage')).toBe('5 tahap: kesadaran (mulai kenal), pertimbangan (menimbang), pembelian, retensi (datang lagi), advokasi (merekomendasikan)');
  });
});
