import Link from 'next/link';

/**
 * The measured emotion of a stage beside the designed one, as ready text ("Emosi nyata dari
 * ulasan", "−0,8 (±0,3)", "rancangan Anda: +2"); `point` is the figure on the map's −2…+2 scale
 * for the emotion chart, null under the minimum sample (then `text` says how many more reviews
 * are needed, and nothing is drawn).
 */
export interface MeasuredEmotionLine {
  label: string;
  text: string;
  designed: string;
  point: { value: number; low: number; high: number } | null;
}

/**
 * A stage's reviews as the owner's map shows them, worked out on the server
 * (components/journeys/stage-reviews.ts) and handed down as plain text and links.
 */
export type StageReviewLine =
  | {
      kind: 'reviews';
      /** "18 ulasan", or "baru 3 ulasan" under the small-sample threshold. */
      count: string;
      /** The average stars as the language writes it ("2,8"). */
      average: string;
      /** What screen readers hear instead of the star sign: "18 ulasan, rata-rata bintang 2,8: buka dasbor tahap ini". */
      label: string;
      /** Enough reviews for the average to stand out. */
      strong: boolean;
      /** This stage's dashboard (all time, like the figures). */
      href: string;
      /** The inbox filtered to this journey and stage. */
      inbox: { label: string; href: string };
      /** What the stars say on the map's emotion scale, beside what the owner drew. */
      measured: MeasuredEmotionLine;
    }
  | {
      kind: 'none';
      text: string;
      /** A new review link for this stage, for members who may make one. */
      ask: { label: string; href: string } | null;
    };

/**
 * "18 ulasan · ★ 2,8" linking to the stage's dashboard, beside "Baca ulasan tahap ini" (its
 * inbox), then "Emosi nyata dari ulasan: −0,8 (±0,3) · rancangan Anda: +2"; or "Belum ada ulasan"
 * with a way to start collecting.
 */
export function StageReviews({ line }: { line: StageReviewLine }) {
  if (line.kind === 'none') {
    return (
      <p className="flex flex-wrap items-center gap-x-3 text-sm text-slate-700">
        <span>{line.text}</span>
        {line.ask ? (
          <Link href={line.ask.href} prefetch={false} className="inline-block py-3 font-medium text-brand-800 underline">
            {line.ask.label}
          </Link>
        ) : null}
      </p>
    );
  }
  const m = line.measured;
  // Seen: "18 ulasan · ★ 2,8"; heard: "18 ulasan, rata-rata bintang 2,8: buka dasbor tahap ini" (one text, no star sign).
  return (
    <>
      <p className="flex flex-wrap items-center gap-x-4 text-sm">
        <Link href={line.href} prefetch={false} className="inline-block py-3 font-medium text-brand-800 underline" data-testid="stage-figures">
          <span className="sr-only">{line.label}</span>
          <span aria-hidden="true">
            {line.count} · ★ {line.strong ? <strong className="font-bold">{line.average}</strong> : <span className="font-normal">{line.average}</span>}
          </span>
        </Link>
        <Link href={line.inbox.href} prefetch={false} className="inline-block py-3 text-brand-800 underline">
          {line.inbox.label}
        </Link>
      </p>
      <p className="text-sm text-slate-800" data-testid="measured-emotion">
        {m.label}: {m.point ? <strong className="font-semibold">{m.text}</strong> : <span className="text-slate-700">{m.text}</span>}
        <span className="text-slate-700"> · {m.designed}</span>
      </p>
    </>
  );
}
