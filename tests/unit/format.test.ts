import { describe, expect, it } from 'vitest';
import { formatDateTime, formatNumber, formatRelative, formatRupiah, zoneAbbreviation } from '@/lib/i18n/format';

const nbsp = '\u00a0';

describe('format', () => {
  it('prints Rupiah the Indonesian way', () => {
    expect(formatRupiah(1234567.8)).toBe(`Rp${nbsp}1.234.568`);
    expect(formatRupiah(0)).toBe(`Rp${nbsp}0`);
  });

  it('groups numbers with dots, as Indonesians read them in both UI languages', () => {
    expect(formatNumber(15000)).toBe('15.000');
    expect(formatNumber(15000, 'en')).toBe('15.000');
    expect(formatNumber(2.5, 'id', { maximumFractionDigits: 1 })).toBe('2,5');
  });

  it('shows the same instant in WIB, WITA and WIT with the zone named', () => {
    const instant = new Date('2026-01-15T10:00:00Z');
    expect(formatDateTime(instant)).toBe('15 Januari 2026 pukul 17.00 WIB');
    expect(formatDateTime(instant, 'id', 'Asia/Makassar')).toBe('15 Januari 2026 pukul 18.00 WITA');
    expect(formatDateTime(instant, 'id', 'Asia/Jayapura')).toBe('15 Januari 2026 pukul 19.00 WIT');
    expect(formatDateTime(instant, 'en')).toMatch(/^15 January 2026.*17\.00 WIB$/);
    expect(zoneAbbreviation('Asia/Jakarta')).toBe('WIB');
  });

  it('says relative times in the UI language', () => {
    const now = new Date('2026-01-15T10:00:00Z');
    expect(formatRelative(new Date('2026-01-15T10:05:00Z'), 'id', now)).toBe('dalam 5 menit');
    expect(formatRelative(new Date('2026-01-15T10:05:00Z'), 'en', now)).toBe('in 5 minutes');
  });
});
