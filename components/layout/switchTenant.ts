import { authCsrfToken } from '@/lib/auth/browser';

/**
 * Makes another of the user's businesses the active one. It is what useSession().update() sends:
 * next-auth re-issues the JWT through the jwt callback (lib/auth/options.ts stores token.tid), and
 * lib/auth/session.ts checks the choice against the memberships on every request, so a forged id
 * changes nothing. The caller refreshes the page afterwards.
 */
export async function switchTenant(tenantId: string): Promise<boolean> {
  try {
    const csrfToken = await authCsrfToken();
    if (!csrfToken) return false;
    const res = await fetch('/api/auth/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ csrfToken, data: { tenantId } }),
    });
    if (!res.ok) return false;
    const session = (await res.json()) as { tid?: unknown };
    return session.tid === tenantId;
  } catch {
    return false;
  }
}
