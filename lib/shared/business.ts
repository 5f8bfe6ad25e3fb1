/** The kinds of business Jejak knows (each has journey templates). Stored on tenants.business_type. */
export const businessTypes = ['warung', 'cafe', 'salon', 'bengkel', 'laundry', 'online_shop', 'retail', 'other'] as const;
export type BusinessType = (typeof businessTypes)[number];

/** A member's role in a business (what it may do: lib/auth/permissions.ts). Stored on memberships.role and invites.role. */
export const memberRoles = ['owner', 'staff'] as const;
export type MemberRole = (typeof memberRoles)[number];
