/**
 * A small tmpfs for fault tests (a nearly full disk, a read-only one). Mounting needs root: CI runs
 * as root, where a skip would hide a broken test, so there the tests must not skip.
 */
import { spawnSync } from 'node:child_process';
import { it } from 'vitest';
import { tempDir } from '../helpers.js';

/** Mounts a tmpfs; returns the mount point, or null where mounting is not allowed. */
export function tmpfs(options: string): string | null {
  const dir = tempDir('study-tmpfs-');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  return r.status === 0 ? dir : null;
}

export const umount = (dir: string) => spawnSync('umount', [dir]);

export const canMount = (() => {
  const d = tmpfs('size=16k');
  if (d) umount(d);
  return d !== null;
})();

/** `it`, skipped where mounting is not allowed, except in CI. */
export const needsMount = process.env.CI ? it : it.skipIf(!canMount);
