/**
 * Demo review links and reviews for the two demo businesses (lib/demo/seed.ts writes them).
 *
 * The reviews tell a story the map does not: Bengkel Maju Jaya's map says the purchase stage
 * (pembelian) feels great (+2), but customers rate it about 2.9 stars (long queues, prices above
 * the first estimate, waiting days for spare parts, no updates), while the consideration stage the
 * map draws as −2 is rated well (WhatsApp answered quickly). Kedai Kopi Senja's are mostly happy,
 * with Wi-Fi and peak-hour queues as the recurring complaint.
 *
 * Everything is generated from a seeded PRNG (no Math.random) with fixed ids and submission keys,
 * so the rows are the same on every run; only the dates are anchored to the day of the first run
 * (the last ~6 months before it, recent weeks busier), so the demo always looks current.
 */
import { normalizeIndonesianMobile } from '@/lib/links/whatsapp';
import { hashSlug } from '@/lib/reviews/slug';
import type { StageKey } from '@/lib/journeys/model';
import type { reviewLinkRoutes, reviewLinks, reviews } from '../../db/schema';

type NewReviewLink = typeof reviewLinks.$inferInsert;
type NewReviewRoute = typeof reviewLinkRoutes.$inferInsert;
type NewReview = typeof reviews.$inferInsert;

/** A few phrases per mood: low (1–2 stars), mid (3), high (4–5). */
interface Pools {
  low: string[];
  mid: string[];
  high: string[];
}

interface LinkPlan {
  id: string;
  slug: string;
  stage: StageKey;
  touchpoint: string;
  title: string;
  thankYou: string;
  askNps: boolean;
  askComment: boolean;
  askContact: boolean;
  askTestimonial: boolean;
  /** How many reviews came in through this link (spam included). */
  count: number;
  spam: number;
  /** Weights of 1..5 stars. */
  stars: [number, number, number, number, number];
  /** Opened per submitted (the rest opened the page and left). */
  openRatio: number;
  pools: Pools;
}

export interface ShopReviewPlan {
  /** Seed of the PRNG. */
  seed: number;
  /** First number of the review ids and submission keys. */
  firstNumber: number;
  /** The business's UTC offset in hours (Asia/Jakarta 7, Asia/Makassar 8). */
  utcOffset: number;
  /** Local hours when reviews come in, weighted by repetition. */
  hours: number[];
  links: LinkPlan[];
  /** Reviews in English (a visitor), as a share of the non-spam reviews. */
  english: number;
  englishPools?: Pools;
  /** How many reviews the owner featured on the testimonial page. */
  featured: number;
  /**
   * The testimonial page (lib/reviews/testimonials.ts) of a shop that asks for it: more customers
   * who ticked "may we show this as a testimonial?" (`extraConsents`, drawn from a PRNG of their
   * own so no score or date above changes), half of them on a link that asks for contact details
   * leaving a name (`names`, some written in full: the page shows "Rina S."), and featured from
   * `minStars` up, newest first (an honest mix, not only five stars), except the newest
   * `waiting` five-star ones, which came in since the owner last looked and wait in the inbox to be
   * featured. Without it: the best reviews with four stars or more.
   */
  testimonials?: { extraConsents: number; names: string[]; minStars: number; waiting: number };
  /** Spam typical of the trade, besides the usual gambling and loan links. */
  spamComments: string[];
  /**
   * Private notes the owner wrote on a few reviews they followed up: on a 1–3 star one whose
   * comment matches `about`, else on a 1–2 star one that left a number (they were called back).
   */
  notes: { text: string; about?: RegExp }[];
}

const spamComments = [
  'SLOT GACOR HARI INI maxwin 100% daftar di bit.ly/gacor88-maxwin',
  'Pinjaman online cair 5 menit tanpa BI checking, klik bit.ly/dana-cepat-cair',
  'asdfghjkl',
  'Jual followers IG murah meriah, cek bio kami!!!',
];
const spamReasons = ['honeypot', 'too_fast'];

/** How people start a comment (often they just don't). */
const openers: Record<keyof Pools, string[]> = {
  low: ['', '', '', '', 'Jujur ', 'Sayang bgt, ', 'Maaf tapi '],
  mid: ['', '', '', '', 'Overall ', 'Sebenernya ', 'Hmm, '],
  high: ['', '', '', '', 'Overall ', 'Pokoknya ', 'Alhamdulillah ', 'Top, '],
};

const firstNames = ['Andi', 'Rina', 'Agus', 'Dewi', 'Yusuf', 'Siti', 'Bambang', 'Fitri', 'Rudi', 'Maya', 'Wahyu', 'Lina', 'Eko', 'Tari', 'Joko', 'Indah', 'Rizky', 'Ayu', 'Fajar', 'Nurul'];

/** mulberry32: a small seeded PRNG, enough for demo data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFor(kind: 1 | 2, n: number): string {
  // Fixed, valid v4-shaped ids: kind 1 = review id, 2 = submission key.
  return `0b5e1c00-000${kind}-4000-8000-${String(n).padStart(12, '0')}`;
}

const DAY = 86_400_000;

/** The links, their routes and their reviews, for one business. */
export function demoReviewRows(
  plan: ShopReviewPlan,
  shop: { tenantId: string; journeyId: string; ownerId: string; stageIds: Partial<Record<StageKey, string>> },
  now: Date,
): { links: NewReviewLink[]; routes: NewReviewRoute[]; reviews: NewReview[] } {
  const rnd = prng(plan.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const chance = (p: number) => rnd() < p;
  const offsetMs = plan.utcOffset * 3_600_000;
  const localMidnight = Math.floor((now.getTime() + offsetMs) / DAY) * DAY - offsetMs;
  const linkCreated = new Date(localMidnight - 200 * DAY + 9 * 3_600_000);

  /** A moment in the last ~6 months: 80 % from a distribution rising towards today, 30 % even. */
  const when = (): Date => {
    const u = rnd();
    const daysBack = chance(0.8) ? Math.floor(180 * (1 - Math.sqrt(u))) : Math.floor(180 * u);
    const minute = pick(plan.hours) * 60 + Math.floor(rnd() * 60);
    let t = localMidnight - daysBack * DAY + minute * 60_000 + Math.floor(rnd() * 60) * 1000;
    if (t > now.getTime() - 10 * 60_000) t -= DAY;
    return new Date(t);
  };

  const starsFrom = (w: LinkPlan['stars']): number => {
    const total = w.reduce((a, b) => a + b, 0);
    let x = rnd() * total;
    for (let i = 0; i < 5; i++) {
      x -= w[i]!;
      if (x < 0) return i + 1;
    }
    return 5;
  };

  const npsFor = (stars: number): number => {
    const ranges: Record<number, [number, number]> = { 1: [0, 3], 2: [2, 5], 3: [5, 7], 4: [7, 9], 5: [9, 10] };
    const [lo, hi] = ranges[stars]!;
    return lo + Math.floor(rnd() * (hi - lo + 1));
  };

  /** One or two phrases, written the way people type on their phones. */
  const commentFor = (pools: Pools, stars: number, english: boolean): string => {
    const mood = stars <= 2 ? 'low' : stars === 3 ? 'mid' : 'high';
    const pool = pools[mood];
    const first = pick(pool);
    let text = first;
    if (chance(0.3)) {
      const second = pick(pool);
      const join = pick(english ? [', ', '. '] : [', ', '. ', ' - ', '. Terus ']);
      const next = join === '. ' ? second : `${second.charAt(0).toLowerCase()}${second.slice(1)}`;
      if (second !== first) text = `${first}${join}${next}`;
    }
    if (english) return text;
    const opener = pick(openers[mood]);
    if (opener) text = `${opener}${text.charAt(0).toLowerCase()}${text.slice(1)}`;
    if (chance(0.35)) text = text.toLowerCase();
    if (stars >= 4 && chance(0.2)) text += pick([' 👍', '!', ' 🙏', '!!', ', mantap']);
    if (stars <= 2 && chance(0.15)) text += pick([' 😡', '...', ' 🙏']);
    return text;
  };

  const links: NewReviewLink[] = [];
  const routes: NewReviewRoute[] = [];
  const rows: NewReview[] = [];
  let n = plan.firstNumber;
  let phone = 0;

  for (const link of plan.links) {
    const stageId = shop.stageIds[link.stage];
    if (!stageId) throw new Error(`Demo journey ${shop.journeyId} has no ${link.stage} stage`);
    for (let i = 0; i < link.count; i++) {
      const id = uuidFor(1, n);
      const submissionKey = uuidFor(2, n);
      n++;
      const base = { tenantId: shop.tenantId, id, submissionKey, linkId: link.id, journeyId: shop.journeyId, stageId, touchpoint: link.touchpoint, createdAt: when() };
      if (i < link.spam) {
        rows.push({ ...base, stars: pick([1, 5]), comment: pick([...spamComments, ...plan.spamComments]), status: 'spam', spamReason: pick(spamReasons) });
        continue;
      }
      const stars = starsFrom(link.stars);
      const english = plan.englishPools && chance(plan.english);
      const pools = english ? plan.englishPools! : link.pools;
      const commentChance = stars <= 2 ? 0.9 : stars === 3 ? 0.75 : 0.6;
      const comment = link.askComment && chance(commentChance) ? commentFor(pools, stars, !!english) : '';
      // NPS is optional on the form: about a third of those asked skip it (null, never 0).
      const nps = link.askNps && chance(0.68) ? npsFor(stars) : null;
      const testimonialConsent = link.askTestimonial && comment !== '' && chance(stars >= 4 ? 0.18 : stars === 3 ? 0.05 : 0);
      // Unhappy customers leave a number more often (they want a call back); so do those who
      // agree to a testimonial (their first name shown with it).
      const contact = link.askContact && chance(stars <= 2 ? 0.12 : testimonialConsent ? 0.4 : 0.03);
      let customerName: string | null = null;
      let customerWhatsapp: string | null = null;
      if (contact) {
        phone++;
        customerName = pick(firstNames);
        customerWhatsapp = normalizeIndonesianMobile(`0812-${3000 + plan.seed % 1000}-${String(1000 + phone * 37).padStart(4, '0')}`);
      }
      rows.push({
        ...base,
        stars,
        nps,
        comment,
        customerName,
        customerWhatsapp,
        contactConsent: contact,
        testimonialConsent,
        locale: english ? 'en' : 'id',
      });
    }
    const submitted = link.count;
    links.push({
      tenantId: shop.tenantId,
      id: link.id,
      journeyId: shop.journeyId,
      stageId,
      touchpoint: link.touchpoint,
      slug: link.slug,
      title: link.title,
      thankYou: link.thankYou,
      askNps: link.askNps,
      askComment: link.askComment,
      askContact: link.askContact,
      askTestimonial: link.askTestimonial,
      active: true,
      openedCount: Math.round(submitted * link.openRatio) + Math.floor(rnd() * 12),
      submittedCount: submitted,
      createdBy: shop.ownerId,
      createdAt: linkCreated,
      updatedAt: linkCreated,
    });
    routes.push({ slugHash: hashSlug(link.slug), tenantId: shop.tenantId, linkId: link.id, createdAt: linkCreated });
  }

  if (plan.testimonials) {
    const more = prng(plan.seed ^ 0x7e57);
    const askedBy = new Map(plan.links.map((l) => [l.id, l]));
    const pool = rows.filter((r) => r.status !== 'spam' && !r.testimonialConsent && askedBy.get(r.linkId)?.askTestimonial && r.stars >= 3 && (r.comment ?? '').length >= 20);
    const { extraConsents, names } = plan.testimonials;
    let named = 0;
    for (let k = 0; k < extraConsents && pool.length; k++) {
      const r = pool.splice(Math.floor(more() * pool.length), 1)[0]!;
      r.testimonialConsent = true;
      if (askedBy.get(r.linkId)?.askContact && !r.contactConsent && k % 2 === 0 && names.length) {
        phone++;
        Object.assign(r, {
          customerName: names[named++ % names.length],
          customerWhatsapp: normalizeIndonesianMobile(`0813-${4000 + (plan.seed % 1000)}-${String(1000 + phone * 41).padStart(4, '0')}`),
          contactConsent: true,
        });
      }
    }
  }

  // The owner's work in the inbox: the best recent testimonials featured (or, for a testimonial
  // page, the newest from `minStars` up), a few older reviews read, the followed-up complaints
  // read with a private note.
  const byRecent = [...rows].sort((a, b) => b.createdAt!.getTime() - a.createdAt!.getTime());
  const minStars = plan.testimonials?.minStars ?? 4;
  const waiting = new Set(byRecent.filter((r) => r.testimonialConsent && r.stars === 5 && r.status !== 'spam').slice(0, plan.testimonials?.waiting ?? 0));
  const candidates = byRecent.filter((r) => r.testimonialConsent && r.stars >= minStars && (r.comment ?? '').length >= 25 && !waiting.has(r));
  if (!plan.testimonials) candidates.sort((a, b) => b.stars - a.stars || Number(b.contactConsent) - Number(a.contactConsent));
  const featured: NewReview[] = [];
  // Not the same words twice on the testimonial wall.
  const words = (r: NewReview) => (r.comment ?? '').toLowerCase().replace(/[^a-z0-9 ]/g, '').trim();
  for (const r of candidates) {
    const text = words(r);
    if (featured.length < plan.featured && !featured.some((f) => text.includes(words(f)) || words(f).includes(text))) featured.push(r);
  }
  for (const r of featured) Object.assign(r, { featured: true, status: 'read' });
  const monthAgo = now.getTime() - 30 * DAY;
  const notes = [...plan.notes];
  for (const r of byRecent) {
    if (r.status === 'spam' || r.status === 'read') continue;
    const i = notes.findIndex((x) => (x.about ? r.stars <= 3 && x.about.test(r.comment ?? '') : r.stars <= 2 && r.contactConsent));
    if (i >= 0) Object.assign(r, { status: 'read', note: notes.splice(i, 1)[0]!.text });
    else if (r.createdAt!.getTime() < monthAgo && chance(0.1)) r.status = 'read';
  }
  return { links, routes, reviews: rows };
}

const bengkelPurchase: Pools = {
  low: [
    'Antri lama bgt, dateng jam 8 baru dikerjain jam 11',
    'Harga tidak sesuai estimasi awal, tiba2 nambah 400rb',
    'Nunggu sparepart 3 hari, gak ada kabar sama sekali',
    'Tidak dikabari kalau mobil udh selesai, saya yg harus telpon terus',
    'Mekaniknya oke tapi adminnya tidak ramah',
    'Penjelasan biayanya kurang jelas, nota juga gak dirinci',
    'Katanya sehari jadi, ternyata 4 hari',
    'Sparepart harus inden, harusnya dikasih tau dari awal',
    'Estimasi awal 600rb, bayarnya 1,1jt. Kecewa',
    'Antri lama, ruang tunggunya panas',
    'udh 2x servis di sini dan 2x nunggu sparepart 3 hari',
    'Ditanya progres jawabnya "sebentar lagi" terus',
  ],
  mid: [
    'Hasil servis oke, cuma antri lama',
    'Mesin udh halus lagi tapi harga agak beda dari estimasi awal',
    'Lumayan, tapi nunggu sparepart lama',
    'Pelayanan ramah tapi kurang informatif soal progres',
    'Overall ok, next time semoga lebih cepet',
    'Hasil bagus, cuma gak dikabari kalau ada biaya tambahan',
    'Kerjaannya rapi tapi nunggunya kelamaan',
    'Standar lah, harga lumayan',
  ],
  high: [
    'Mantap, mobil langsung beres',
    'Mekanik jujur, part lama ditunjukin',
    'Pelayanan ramah, harga terjangkau',
    'Cepet dan rapi, recommended',
    'Bayar bisa QRIS, praktis',
    'Mekaniknya dateng ke rumah, mobil langsung nyala lagi',
    'Dijelasin dulu kerusakannya sebelum dikerjain, mantap',
    'AC mobil dingin lagi, harga masuk akal',
    'Servis berkala di sini terus, gak pernah kecewa',
    'Harga sesuai estimasi, gak ada biaya siluman',
    'Ganti aki cepet, 20 menit beres',
    'Mekaniknya sabar jelasin, saya yg awam jadi ngerti',
  ],
};

const bengkelConsideration: Pools = {
  low: ['Telp gak diangkat, akhirnya chat WA', 'Chat baru dibales besok harinya', 'Ditanya harga jawabnya "dateng aja dulu"'],
  mid: ['Dibales tapi agak lama', 'Harga cuma dikasih kisaran, kurang jelas', 'Adminnya ramah tapi jadwalnya penuh terus'],
  high: [
    'Chat WA dibales cepet bgt, jam 10 malem masih dijawab',
    'Dikasih estimasi harga di awal, jelas',
    'Adminnya ramah dan sabar jawab pertanyaan',
    'Langsung dikasih jadwal, gak ribet',
    'Fast response, dikirimin daftar harga servis juga',
    'Telpon langsung diangkat, dijelasin kemungkinan masalahnya',
    'Dikasih tau kapan mekanik bisa dateng, tepat waktu',
  ],
};

const bengkelRetention: Pools = {
  low: ['Garansi ribet klaimnya', 'Keluhan yg sama balik lagi 2 minggu kemudian', 'Pengingat servisnya gak pernah dateng'],
  mid: ['Pengingatnya kadang telat', 'Promo pelanggan lama kurang jelas syaratnya', 'Lumayan, tapi harus jelasin ulang riwayat mobil'],
  high: [
    'Diingetin jadwal ganti oli lewat WA, membantu bgt',
    'Udh langganan 3 thn, aman',
    'Riwayat servis dicatet, gak perlu jelasin ulang',
    'Garansi servis beneran dipake, gak dipersulit',
    'Pengingatnya pas, gak spam',
  ],
};

const bengkelAdvocacy: Pools = {
  low: ['Kecewa, gak bakal saya rekomendasiin', 'Mobil udh rusak lagi sebulan kemudian'],
  mid: ['Bagus, tapi blm tentu saya rekomendasikan krn harga', 'Lumayan, tergantung mekaniknya siapa'],
  high: [
    'Udah saya rekomendasiin ke temen kantor',
    'Recommended bgt buat yg di Surabaya',
    'Bengkel langganan keluarga, jujur dan rapi',
    'Mobil aman sampai sekarang, mantap',
    'Temen saya juga udh servis di sini, puas',
  ],
};

const kopiPurchase: Pools = {
  low: [
    'Wifi mati terus, padahal mau nugas',
    'Pesanan salah dan lama',
    'Kasirnya tidak ramah',
    'AC kurang dingin, panas bgt',
    'Antre 25 menit cuma buat es kopi',
    'Colokan rusak semua di lantai 2',
  ],
  mid: [
    'Kopinya enak tapi wifi lemot pas sore',
    'Antre lama pas jam ramai',
    'Tempat oke, harga agak mahal buat mahasiswa',
    'Rasa oke, tp gulanya kebanyakan walau udh minta less sugar',
    'Nyaman sih, cuma rame bgt malem minggu',
  ],
  high: [
    'Kopi susu gula arennya enak bgt',
    'Tempat nyaman buat nugas, colokan banyak',
    'Harga terjangkau buat mahasiswa',
    'Baristanya ramah, inget pesanan saya',
    'Wifi kenceng, betah lama2',
    'Pisang gorengnya juara, kopinya mantap',
    'Bayar pake QRIS, cepet',
    'Suasana senja di rooftop cakep bgt',
    'Es kopi senjanya seger, pas buat sore2',
    'Musiknya enak, gak terlalu kenceng',
    'Tempatnya bersih, toiletnya juga bersih',
  ],
};

const kopiConsideration: Pools = {
  low: ['DM gak dibales', 'Tanya reservasi gak dijawab'],
  mid: ['DM dibalas besoknya', 'Menu di IG udh gak update, harga beda'],
  high: ['DM IG dibales cepet', 'Menu + harga ada di highlight IG, membantu', 'Bisa reservasi meja buat kerja kelompok, mantap'],
};

const kopiRetention: Pools = {
  low: ['Rasa kopinya beda2 tiap dateng'],
  mid: ['Promo pelanggan tetap kurang jelas', 'Menu barunya jarang'],
  high: ['Kartu stempel mantap, udh dapet gratis 1', 'Menu baru tiap bulan seru', 'Baristanya udh hafal pesanan saya', 'Langganan tiap minggu, gak pernah bosen'],
};

const kopiEnglish: Pools = {
  low: ['Wi-Fi kept dropping', 'Waited too long for one latte'],
  mid: ['Good coffee but really crowded in the evening'],
  high: ['Great palm sugar iced coffee, friendly staff', 'Lovely sunset view, strong Wi-Fi', 'Best coffee I had in Makassar'],
};

/** Bengkel Maju Jaya: five links, most of the reviews on the purchase stage. */
export const bengkelReviewPlan: ShopReviewPlan = {
  seed: 20261,
  firstNumber: 1,
  utcOffset: 7,
  hours: [8, 9, 10, 11, 12, 13, 14, 15, 16, 16, 17, 17, 18, 18, 19, 19, 20, 20, 21, 22],
  english: 0,
  featured: 8,
  testimonials: { extraConsents: 12, names: ['Rina Susanti', 'Hendra', 'Agus Salim', 'Dewi', 'Yusuf Maulana', 'Siti'], minStars: 3, waiting: 1 },
  spamComments: ['JUAL OLI GROSIR MURAH!!! katalog lengkap di bit.ly/oli-murah-grosir'],
  notes: [
    { text: 'Sudah saya telepon, minta maaf soal sparepart. Sekarang filter dan kampas rem distok.' },
    { text: 'Selisih biaya karena kampas kopling. Sudah dijelaskan ulang, nota rinci dikirim lewat WA.' },
    { text: 'Ditelepon Sari: admin akan kabari lewat WA tiap ada perubahan.' },
  ],
  links: [
    {
      id: '0b5e1c00-0000-4000-8000-000000000401',
      slug: 'demo-bengkel',
      stage: 'purchase',
      touchpoint: 'WhatsApp setelah servis',
      title: 'Bagaimana servis mobil Anda di Bengkel Maju Jaya?',
      thankYou: 'Terima kasih sudah mengisi! Setiap masukan kami baca sendiri supaya servis berikutnya lebih baik. — Budi, Bengkel Maju Jaya',
      askNps: true,
      askComment: true,
      askContact: true,
      askTestimonial: true,
      count: 98,
      spam: 3,
      stars: [0.17, 0.23, 0.27, 0.2, 0.13],
      openRatio: 2.4,
      pools: bengkelPurchase,
    },
    {
      id: '0b5e1c00-0000-4000-8000-000000000402',
      slug: 'x7kq3mfp9',
      stage: 'purchase',
      touchpoint: 'QR di kasir',
      title: 'Beri nilai servis kami hari ini',
      thankYou: 'Terima kasih! Semoga mobilnya lancar terus. Sampai jumpa di servis berikutnya.',
      askNps: false,
      askComment: true,
      askContact: false,
      askTestimonial: true,
      count: 52,
      spam: 1,
      stars: [0.16, 0.22, 0.28, 0.21, 0.13],
      openRatio: 1.5,
      pools: bengkelPurchase,
    },
    {
      id: '0b5e1c00-0000-4000-8000-000000000403',
      slug: 'k7m3wqp9d',
      stage: 'consideration',
      touchpoint: 'Balasan WhatsApp pertama',
      title: 'Bagaimana kami menjawab pertanyaan Anda?',
      thankYou: 'Terima kasih. Kami ingin setiap telepon dan chat dijawab cepat dan jelas.',
      askNps: false,
      askComment: true,
      askContact: false,
      askTestimonial: false,
      count: 55,
      spam: 0,
      stars: [0.04, 0.07, 0.2, 0.38, 0.31],
      openRatio: 3.1,
      pools: bengkelConsideration,
    },
    {
      id: '0b5e1c00-0000-4000-8000-000000000404',
      slug: 'h4tn8xbe2',
      stage: 'retention',
      touchpoint: 'Pengingat servis berkala',
      title: 'Apakah pengingat servis dari kami membantu?',
      thankYou: 'Terima kasih! Sampai jumpa di servis berkala berikutnya.',
      askNps: true,
      askComment: true,
      askContact: true,
      askTestimonial: false,
      count: 40,
      spam: 0,
      stars: [0.03, 0.05, 0.15, 0.4, 0.37],
      openRatio: 2.8,
      pools: bengkelRetention,
    },
    {
      id: '0b5e1c00-0000-4000-8000-000000000405',
      slug: 'p3y9gms7c',
      stage: 'advocacy',
      touchpoint: 'WhatsApp sebulan setelah servis',
      title: 'Sebulan setelah servis: masih puas?',
      thankYou: 'Terima kasih sudah menjadi pelanggan Bengkel Maju Jaya.',
      askNps: true,
      askComment: true,
      askContact: false,
      askTestimonial: true,
      count: 30,
      spam: 0,
      stars: [0.03, 0.04, 0.1, 0.35, 0.48],
      openRatio: 3.5,
      pools: bengkelAdvocacy,
    },
  ],
};

/** Kedai Kopi Senja: a QR on the tables, the Instagram DM replies and the stamp card. */
export const kopiReviewPlan: ShopReviewPlan = {
  seed: 20262,
  firstNumber: 100_001,
  utcOffset: 8,
  hours: [9, 10, 11, 13, 14, 15, 15, 16, 16, 17, 17, 18, 18, 19, 19, 20, 20, 21, 21, 22],
  english: 0.04,
  englishPools: kopiEnglish,
  featured: 3,
  spamComments: ['Jasa endorse kafe murah, followers 10rb dijamin, DM kami'],
  notes: [{ text: 'Router lantai 2 sudah diganti minggu ini.', about: /wi-?fi/i }],
  links: [
    {
      id: '0b5e1c00-0000-4000-8000-000000000411',
      slug: 'c5wq8hzte',
      stage: 'purchase',
      touchpoint: 'QR di meja',
      title: 'Gimana kopi dan tempatnya hari ini?',
      thankYou: 'Makasih sudah mampir ke Kedai Kopi Senja! Masukan Anda bikin kami makin baik.',
      askNps: true,
      askComment: true,
      askContact: true,
      askTestimonial: true,
      count: 92,
      spam: 2,
      stars: [0.05, 0.08, 0.2, 0.37, 0.3],
      openRatio: 1.8,
      pools: kopiPurchase,
    },
    {
      id: '0b5e1c00-0000-4000-8000-000000000412',
      slug: 'u2d7jrn4x',
      stage: 'consideration',
      touchpoint: 'Balasan DM Instagram',
      title: 'Pertanyaan Anda sudah terjawab?',
      thankYou: 'Terima kasih! Sampai ketemu di kedai.',
      askNps: false,
      askComment: true,
      askContact: false,
      askTestimonial: false,
      count: 25,
      spam: 0,
      stars: [0.08, 0.12, 0.3, 0.3, 0.2],
      openRatio: 3.0,
      pools: kopiConsideration,
    },
    {
      id: '0b5e1c00-0000-4000-8000-000000000413',
      slug: 'm9sx3kfb6',
      stage: 'retention',
      touchpoint: 'Kartu stempel langganan',
      title: 'Pelanggan setia, apa kabar?',
      thankYou: 'Terima kasih sudah jadi langganan Kedai Kopi Senja!',
      askNps: true,
      askComment: true,
      askContact: false,
      askTestimonial: true,
      count: 30,
      spam: 0,
      stars: [0.02, 0.04, 0.12, 0.38, 0.44],
      openRatio: 2.2,
      pools: kopiRetention,
    },
  ],
};
