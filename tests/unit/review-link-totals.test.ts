/**
 * Review links' counts added up per touchpoint (issue 9, item 4): links grouped by their
 * touchpoint text (spacing and capitals aside), opened and submitted summed, conversion over the
 * sum — and none at all while nobody opened a touchpoint's links (never "0 %" of nothing).
 */
import { describe, expect, it } from 'vitest';
import { conversionRate, touchpointTotals } from '@/lib/reviews/links';

const link = (touchpoint: string, openedCount: number, submittedCount: number) => ({ touchpoint, openedCount, submittedCount });

describe('touchpoint totals', () => {
  it('add up the links of one touchpoint and rate the sums, not the average of rates', () => {
    const totals = touchpointTotals([
      link('QR di kasir', 100, 10),
      link('WhatsApp setelah servis', 40, 30),
      link('  qr  di Kasir ', 1, 1),
      link('', 5, 0),
      link('Poster baru', 0, 0),
    ]);
    expect(totals).toEqual([
      { touchpoint: 'WhatsApp setelah servis', links: 1, opened: 40, submitted: 30, conversion: 75 },
      { touchpoint: 'QR di kasir', links: 2, opened: 101, submitted: 11, conversion: 11 },
      { touchpoint: 'Poster baru', links: 1, opened: 0, submitted: 0, conversion: null },
      { touchpoint: '', links: 1, opened: 5, submitted: 0, conversion: 0 },
    ]);
  });

  it('rate nothing before anyone opened, and round to whole percent', () => {
    expect(conversionRate(0, 0)).toBeNull();
    expect(conversionRate(3, 1)).toBe(33);
    expect(conversionRate(3, 2)).toBe(67);
    expect(touchpointTotals([])).toEqual([]);
  });
});
