import type { Metadata } from 'next';
import Link from 'next/link';
import { SiteFooter } from '@/components/layout/SiteFooter';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { getT } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('landing');
  return { description: t('meta_description') };
}

const features = ['persona', 'map', 'reviews', 'revise'] as const;
const steps = ['audience', 'persona', 'pain_points', 'stages', 'touchpoints', 'moments', 'revise'] as const;

export default async function LandingPage() {
  const { t } = await getT('landing');
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-5xl px-4">
        <section className="py-10 sm:py-16">
          <h1 className="text-3xl font-bold leading-tight text-slate-900 sm:text-5xl">{t('hero.title')}</h1>
          <p className="mt-4 max-w-2xl text-lg text-slate-700">{t('hero.body')}</p>
          <div className="mt-6 flex flex-col gap-3 sm:flex-row">
            <Link href="/sign-up" className="rounded-lg bg-brand-700 px-5 py-3 text-center font-semibold text-white hover:bg-brand-800">
              {t('hero.cta_primary')}
            </Link>
            <Link href="/sign-in" className="rounded-lg border border-slate-300 bg-white px-5 py-3 text-center font-semibold text-slate-900 hover:bg-slate-100">
              {t('hero.cta_secondary')}
            </Link>
          </div>
        </section>

        <section aria-labelledby="why" className="rounded-xl bg-white p-6 shadow-sm">
          <h2 id="why" className="text-xl font-semibold">{t('why.title')}</h2>
          <ul className="mt-3 list-disc space-y-2 pl-5 text-slate-800">
            <li>{t('why.fact_bad_experience')}</li>
            <li>{t('why.fact_retention')}</li>
          </ul>
          <p className="mt-3 text-sm text-slate-600">{t('why.fact_source')}</p>
        </section>

        <section aria-labelledby="features" className="py-10">
          <h2 id="features" className="text-xl font-semibold">{t('features.title')}</h2>
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            {features.map((f) => (
              <article key={f} className="rounded-xl border border-slate-200 bg-white p-5">
                <h3 className="font-semibold text-brand-800">{t(`features.${f}_title`)}</h3>
                <p className="mt-2 text-slate-700">{t(`features.${f}_body`)}</p>
              </article>
            ))}
          </div>
        </section>

        <section aria-labelledby="steps" className="rounded-xl bg-brand-50 p-6">
          <h2 id="steps" className="text-xl font-semibold">{t('steps.title')}</h2>
          <ol className="mt-3 list-decimal space-y-1 pl-5 text-slate-800">
            {steps.map((s) => (
              <li key={s}>{t(`steps.${s}`)}</li>
            ))}
          </ol>
          <p className="mt-4 text-slate-700">{t('cycle')}</p>
        </section>
      </main>
      <SiteFooter />
    </>
  );
}
