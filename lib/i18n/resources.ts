/**
 * Every translation, bundled, for the server. The browser gets only the namespaces its client
 * tree uses (`pickResources`, through components/i18n/ClientTranslations). Adding a namespace:
 * add both JSON files here and in settings.ts.
 */
import enAdmin from '@/locales/en/admin.json';
import enApp from '@/locales/en/app.json';
import enAuth from '@/locales/en/auth.json';
import enCommon from '@/locales/en/common.json';
import enErrors from '@/locales/en/errors.json';
import enJourneys from '@/locales/en/journeys.json';
import enLanding from '@/locales/en/landing.json';
import enMap from '@/locales/en/map.json';
import enPersonas from '@/locales/en/personas.json';
import enReviewPage from '@/locales/en/review_page.json';
import enReviews from '@/locales/en/reviews.json';
import enSettings from '@/locales/en/settings.json';
import enTeam from '@/locales/en/team.json';
import enTestimonials from '@/locales/en/testimonials.json';
import enVersions from '@/locales/en/versions.json';
import idAdmin from '@/locales/id/admin.json';
import idApp from '@/locales/id/app.json';
import idAuth from '@/locales/id/auth.json';
import idCommon from '@/locales/id/common.json';
import idErrors from '@/locales/id/errors.json';
import idJourneys from '@/locales/id/journeys.json';
import idLanding from '@/locales/id/landing.json';
import idMap from '@/locales/id/map.json';
import idPersonas from '@/locales/id/personas.json';
import idReviewPage from '@/locales/id/review_page.json';
import idReviews from '@/locales/id/reviews.json';
import idSettings from '@/locales/id/settings.json';
import idTeam from '@/locales/id/team.json';
import idTestimonials from '@/locales/id/testimonials.json';
import idVersions from '@/locales/id/versions.json';
import enDashboard from '@/locales/en/dashboard.json';
import enTrends from '@/locales/en/trends.json';
import enFunnel from '@/locales/en/funnel.json';
import enOverview from '@/locales/en/overview.json';
import idDashboard from '@/locales/id/dashboard.json';
import idTrends from '@/locales/id/trends.json';
import idFunnel from '@/locales/id/funnel.json';
import idOverview from '@/locales/id/overview.json';
import type { Locale, Namespace } from './settings';

export type Resources = Record<Namespace, Record<string, unknown>>;
/** Some namespaces of one language: what a client tree is sent (components/i18n/ClientTranslations). */
export type ResourceSubset = Partial<Resources>;

export const resources: Record<Locale, Resources> = {
  id: { app: idApp, auth: idAuth, common: idCommon, errors: idErrors, landing: idLanding, settings: idSettings, team: idTeam, journeys: idJourneys, personas: idPersonas, map: idMap, versions: idVersions, reviews: idReviews, review_page: idReviewPage, testimonials: idTestimonials, admin: idAdmin, dashboard: idDashboard, trends: idTrends, funnel: idFunnel, overview: idOverview },
  en: { app: enApp, auth: enAuth, common: enCommon, errors: enErrors, landing: enLanding, settings: enSettings, team: enTeam, journeys: enJourneys, personas: enPersonas, map: enMap, versions: enVersions, reviews: enReviews, review_page: enReviewPage, testimonials: enTestimonials, admin: enAdmin, dashboard: enDashboard, trends: enTrends, funnel: enFunnel, overview: enOverview },
};

/** The named namespaces of one language, for a client tree. */
export function pickResources(locale: Locale, namespaces: readonly Namespace[]): ResourceSubset {
  const all = resources[locale];
  return Object.fromEntries(namespaces.map((ns) => [ns, all[ns]]));
}
