/** Indonesia's three zones (WIB, WITA, WIT): a business's dates are shown in its own. Stored on tenants.time_zone. */
export const timeZones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type TimeZone = (typeof timeZones)[number];
export const defaultTimeZone: TimeZone = 'Asia/Jakarta';
