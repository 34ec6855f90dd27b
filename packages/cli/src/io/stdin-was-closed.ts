// Whether the process started with standard input closed (`cmd <&-`), where Go's read of fd 0 fails
// with EBADF. Node reopens a closed fd 0 as /dev/null with O_RDWR before any JavaScript runs
// (node.cc PlatformInit); a shell's `< /dev/null` opens it O_RDONLY. Linux's /proc/self/fdinfo shows
// the open flags; elsewhere the answer is false and a closed stdin reads as empty.
import { fstatSync, readFileSync, statSync } from 'node:fs';

const O_ACCMODE = 0o3;
const O_RDWR = 0o2;

/** True when fd 0 is the /dev/null Node opened in place of a closed standard input. */
export function stdinWasClosed(): boolean {
  try {
    const flags = /^flags:\s*([0-7]+)$/m.exec(readFileSync('/proc/self/fdinfo/0', 'utf8'))?.[1];
    if (flags === undefined || (Number.parseInt(flags, 8) & O_ACCMODE) !== O_RDWR) return false;
    const stdin = fstatSync(0);
    return stdin.isCharacterDevice() && stdin.rdev === statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}
