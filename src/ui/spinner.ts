/** A spinner (ora) on stderr around slow work; silent where stderr is not a terminal. */
import ora from 'ora';

export async function withSpinner<T>(text: string, work: () => Promise<T>, color: boolean): Promise<T> {
  const spinner = ora({ text, stream: process.stderr, color: color ? 'cyan' : false, discardStdin: false }).start();
  // Let the first frame render before synchronous work holds the event loop.
  await new Promise((r) => setImmediate(r));
  try {
    const result = await work();
    spinner.stop();
    return result;
  } catch (e) {
    spinner.stop();
    throw e;
  }
}
