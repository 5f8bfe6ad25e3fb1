// Starts the scale-out stack once for the run and hands its addresses to the tests; the function
// it returns stops everything (Playwright calls it after the tests, also when they fail).
import { startStack, type StackInfo } from './stack';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const stack = await startStack();
  const { stop, ...info } = stack;
  process.env.SCALE_STACK = JSON.stringify(info satisfies StackInfo);
  return stop;
}
