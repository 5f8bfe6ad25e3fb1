/**
 * A lane's items as text, the way diffJourneys() names them (so a highlighted item is found by
 * its text), and as shown to people (channel keys translated).
 */
import { channels, type Lane, type Lanes } from '@/lib/journeys/model';

export function rawItems(lanes: Lanes, lane: Lane): string[] {
  if (lane !== 'touchpoints') return lanes[lane];
  return lanes.touchpoints.map((tp) => (tp.channel === 'custom' ? tp.label : tp.label ? `${tp.channel}: ${tp.label}` : tp.channel));
}

const isChannel = (x: string) => (channels as readonly string[]).includes(x);

export function displayItem(lane: Lane, raw: string, channelLabel: (channel: string) => string): string {
  if (lane !== 'touchpoints') return raw;
  if (isChannel(raw)) return channelLabel(raw);
  const m = /^([a-z_]+): (.*)$/s.exec(raw);
  return m && isChannel(m[1]!) ? `${channelLabel(m[1]!)}: ${m[2]}` : raw;
}
