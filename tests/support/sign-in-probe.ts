/**
 * Run as a separate process by tests, to show that sign-in limits outlive a process. Opens the
 * database named by the environment (DATABASE_URL, else PGLITE_DIR), runs the steps given as JSON
 * in argv[2], closes the database (PGlite allows one process per folder) and prints the results
 * as one JSON line:
 *   [{"op":"create","email":"…","password":"…"}, {"op":"sign-in","email":"…","password":"…","ip":"…","times":5}]
 */
import { closeConnection } from '../../db/client';
import { authenticate, SignInError, signUp } from '../../lib/accounts/accounts';

export type ProbeStep =
  | { op: 'create'; email: string; password: string }
  | { op: 'sign-in'; email: string; password: string; ip: string | null; times?: number };

export type SignInOutcome = { ok: true; userId: string } | { ok: false; reason: 'invalid' | 'locked'; retryAt: string | null };

export type ProbeResult = { tenantId: string; userId: string } | SignInOutcome[];

async function signInOnce(step: Extract<ProbeStep, { op: 'sign-in' }>): Promise<SignInOutcome> {
  try {
    const user = await authenticate(step.email, step.password, step.ip);
    return { ok: true, userId: user.id };
  } catch (err) {
    if (!(err instanceof SignInError)) throw err;
    return { ok: false, reason: err.reason, retryAt: err.retryAt?.toISOString() ?? null };
  }
}

async function main(): Promise<ProbeResult[]> {
  const steps = JSON.parse(process.argv[2] ?? '[]') as ProbeStep[];
  const results: ProbeResult[] = [];
  for (const step of steps) {
    if (step.op === 'create') {
      results.push(
        await signUp({
          name: 'Probe Owner',
          businessName: 'Usaha Probe',
          businessType: 'warung',
          city: 'Bandung',
          timeZone: 'Asia/Jakarta',
          email: step.email,
          password: step.password,
          locale: 'id',
        }),
      );
    } else {
      const outcomes: SignInOutcome[] = [];
      for (let i = 0; i < (step.times ?? 1); i++) outcomes.push(await signInOnce(step));
      results.push(outcomes);
    }
  }
  return results;
}

main()
  .then(async (results) => {
    await closeConnection();
    console.log(JSON.stringify(results));
    process.exit(0);
  })
  .catch(async (err: Error) => {
    console.error(err.stack ?? err.message);
    await closeConnection().catch(() => {});
    process.exit(3);
  });
