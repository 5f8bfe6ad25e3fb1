// POST /admin/businesses/<id>/export.zip — a business's data (JSON and CSV in one zip, streamed) for its owner; platform admins past the second factor, with a typed reason.
import { Readable } from 'node:stream';
import { NextResponse } from 'next/server';
import { exportInput, openBusinessExport } from '@/lib/admin/export';
import { adminStanding, factorStepPath } from '@/lib/admin/gate';
import { AppError, NotFoundError } from '@/lib/core/errors';
import { isUuid } from '@/lib/core/ids';

export const dynamic = 'force-dynamic';

const notFound = () => new NextResponse('Not found', { status: 404, headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' } });

/** A redirect to a path of this site (relative: behind a proxy, the request's own URL may name another host). */
const seeOther = (to: string) => new NextResponse(null, { status: 303, headers: { Location: to, 'Cache-Control': 'no-store' } });

/** Back to the business's page, its export form showing why the reason was refused. */
function refused(id: string, key: string): NextResponse {
  return seeOther(`/admin/businesses/${id}?export_error=${encodeURIComponent(key.replace(/^validation\./, ''))}#export`);
}

/**
 * The same origin only: a form on another site cannot start an export with the admin's cookie (the
 * session cookie is SameSite=Lax as well). Browsers say where a request comes from in Sec-Fetch-Site;
 * the Origin of a form post can be "null" (the pages send no referrer), so it decides only without it.
 */
function sameOrigin(req: Request): boolean {
  const site = req.headers.get('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = req.headers.get('origin');
  if (!origin) return true; // not a browser
  try {
    return new URL(origin).host === (req.headers.get('x-forwarded-host') ?? req.headers.get('host'));
  } catch {
    return false;
  }
}

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const standing = await adminStanding();
  if (!standing?.verified || !sameOrigin(req)) return notFound();
  const { id } = await params;
  if (!isUuid(id)) return notFound();
  const form = await req.formData().catch(() => null);
  const reason = form?.get('exportReason');
  const parsed = exportInput.safeParse({ tenantId: id, exportReason: typeof reason === 'string' ? reason : undefined });
  if (!parsed.success) return refused(id, parsed.error.issues[0]?.message ?? 'validation.invalid');
  try {
    const opened = await openBusinessExport(standing.actor, parsed.data);
    return new Response(Readable.toWeb(opened.stream) as ReadableStream<Uint8Array>, {
      headers: {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${opened.fileName}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (err) {
    if (err instanceof NotFoundError) return notFound();
    if (err instanceof AppError) return refused(id, err.key);
    throw err;
  }
}

/** Opened in the address bar: the business's page (its export form); the second-factor step first; anyone else 404. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const standing = await adminStanding();
  if (!standing) return notFound();
  if (!standing.verified) return seeOther(factorStepPath(standing));
  const { id } = await params;
  if (!isUuid(id)) return notFound();
  return seeOther(`/admin/businesses/${id}#export`);
}
