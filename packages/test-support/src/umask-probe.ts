// File modes under the process umask, measured rather than assumed.
import { open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The process umask: a file created in `dir` with 0o777 keeps only the bits the umask lets through. */
export async function probeUmask(dir: string): Promise<number> {
  const probe = join(dir, 'probe');
  await (await open(probe, 'wx', 0o777)).close();
  const umask = 0o777 & ~(await stat(probe)).mode;
  await rm(probe);
  return umask;
}
