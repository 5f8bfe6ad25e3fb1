/**
 * The stored vocabulary of a journey map: statuses, stage models, the channel catalogue and the
 * shape of a stage's lanes (journey_stages.lanes). Validation of what users send lives in
 * lib/journeys/model.ts; these are only the values and types the database and the app share.
 */
export const journeyStatuses = ['draft', 'active', 'archived'] as const;
export type JourneyStatus = (typeof journeyStatuses)[number];

/** The stage models a journey starts from (the stages of each: lib/journeys/model.ts). */
export const stageModelKeys = ['five_stage', 'five_phase', 'three_stage', 'blank'] as const;
export type StageModelKey = (typeof stageModelKeys)[number];

/** Where a customer meets the business: the touchpoint catalogue (and a persona's preferred channels). */
export const channels = [
  'whatsapp',
  'instagram',
  'tiktok',
  'facebook',
  'tokopedia',
  'shopee',
  'google_maps',
  'website',
  'word_of_mouth',
  'phone',
  'in_store',
  'email',
  'influencer',
] as const;
export type Channel = (typeof channels)[number];

/** A touchpoint of a stage: a catalogue channel, or 'custom' with the owner's own label. */
export interface Touchpoint {
  channel: Channel | 'custom';
  label: string;
}

/** The lanes of one stage, as stored (jsonb) and exchanged. */
export interface Lanes {
  actions: string[];
  touchpoints: Touchpoint[];
  questions: string[];
  painPoints: string[];
  opportunities: string[];
  content: string[];
}
