import Link from 'next/link';
import { getT } from '@/lib/i18n/server';
import { onboardingSteps, type OnboardingStep } from '@/lib/onboarding/checklist';

const links: Record<OnboardingStep, string | null> = {
  audience: '/personas',
  persona: '/personas/new',
  pain_points: '/journeys',
  stages: '/journeys/new',
  touchpoints: '/journeys',
  reviews: '/reviews/links/new',
  revision: '/journeys',
};

/** The seven steps, ticked from the business's own data (lib/onboarding/checklist.ts). */
export async function OnboardingChecklist({ progress }: { progress: Record<OnboardingStep, boolean> }) {
  const { t } = await getT('app');
  const done = onboardingSteps.filter((s) => progress[s]).length;
  return (
    <section aria-labelledby="onboarding" className="rounded-xl bg-white p-5 shadow-sm">
      <h2 id="onboarding" className="text-lg font-semibold">
        {t('onboarding.title')}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t('onboarding.progress', { done, total: onboardingSteps.length })}</p>
      <div className="mt-2 h-2 rounded bg-slate-200" aria-hidden="true">
        <div className="h-2 rounded bg-brand-600" style={{ width: `${(done / onboardingSteps.length) * 100}%` }} />
      </div>
      <ol className="mt-4 space-y-3">
        {onboardingSteps.map((step, i) => {
          const ok = progress[step];
          const href = links[step];
          return (
            <li key={step} className="flex gap-3" data-step={step} data-done={ok}>
              <span
                aria-hidden="true"
                className={`flex h-7 w-7 shrink-0 items-center justify-center rounded-full text-sm font-bold ${ok ? 'bg-brand-700 text-white' : 'border border-slate-400 text-slate-700'}`}
              >
                {ok ? '✓' : i + 1}
              </span>
              <div className="min-w-0">
                <p className="font-medium">
                  {t(`onboarding.steps.${step}.title`)}{' '}
                  <span className={`text-sm font-normal ${ok ? 'text-brand-800' : 'text-slate-600'}`}>({ok ? t('onboarding.done') : t('onboarding.todo')})</span>
                </p>
                <p className="text-sm text-slate-700">{t(`onboarding.steps.${step}.body`)}</p>
                {!ok && href ? (
                  <Link href={href} className="text-sm font-semibold text-brand-800 underline">
                    {t(`onboarding.steps.${step}.cta`)}
                  </Link>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
