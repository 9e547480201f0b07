/**
 * What must happen when a signal (SIGINT, SIGTERM, SIGHUP) stops study: a running mock interview
 * saves itself, for example. Hooks live on `globalThis` because each command is bundled into its
 * own file, each with its own copy of this module, while `main.ts` owns the signal handlers.
 */
/** A hook does its work and may return what it saved, for the one line printed on exit. */
export type ShutdownHook = () => string | void;

const KEY = Symbol.for('study.shutdown-hooks');

function hooks(): Set<ShutdownHook> {
  const g = globalThis as { [KEY]?: Set<ShutdownHook> };
  return (g[KEY] ??= new Set());
}

/** Registers `hook` until the returned function is called. */
export function onShutdown(hook: ShutdownHook): () => void {
  hooks().add(hook);
  return () => void hooks().delete(hook);
}

/** Runs every hook (newest first); returns what they said, a failure described rather than thrown. */
export function runShutdownHooks(): string[] {
  const said: string[] = [];
  for (const hook of [...hooks()].reverse()) {
    try {
      const m = hook();
      if (m) said.push(m);
    } catch (e) {
      said.push(`could not save everything (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  hooks().clear();
  return said;
}
