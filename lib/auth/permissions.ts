/**
 * Authorization as data: which roles hold each permission. Every page, action and route handler
 * asks `can(role, permission)` on the server; the UI only hides what the server would refuse.
 */
import type { MemberRole } from '@/db/schema';

export const permissions = {
  'dashboard.read': ['owner', 'staff'],
  'team.read': ['owner', 'staff'],
  'team.invite': ['owner'],
  'team.manage': ['owner'],
  'tenant.settings': ['owner'],
  'journeys.read': ['owner', 'staff'],
  'journeys.write': ['owner', 'staff'],
  'personas.write': ['owner', 'staff'],
  'reviews.read': ['owner', 'staff'],
  /** Review links and the inbox (mark read, spam, feature, note). */
  'reviews.write': ['owner', 'staff'],
  /** Erasing a customer's personal data from a review (the CSV export needs only reviews.read: it holds what members already see). */
  'reviews.manage': ['owner'],
} as const satisfies Record<string, readonly MemberRole[]>;

export type Permission = keyof typeof permissions;

export function can(role: MemberRole, permission: Permission): boolean {
  return (permissions[permission] as readonly MemberRole[]).includes(role);
}
