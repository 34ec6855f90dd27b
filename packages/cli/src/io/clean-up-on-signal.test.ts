import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { cleanUpOnSignal } from './clean-up-on-signal.js';

function installed(): {
  proc: EventEmitter & { pid: number; kill: (pid: number, s: string) => void; exit: (n: number) => void };
  events: string[];
} {
  const events: string[] = [];
  const proc = Object.assign(new EventEmitter(), {
    pid: 4242,
    kill: (pid: number, signal: string) => events.push(`kill ${String(pid)} ${signal}`),
    exit: (status: number) => events.push(`exit ${String(status)}`),
  });
  cleanUpOnSignal(proc, () => events.push('clean up'));
  return { proc, events };
}

describe('cleanUpOnSignal', () => {
  for (const [signal, status] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    it(`on ${signal}: removes the in-flight files, then dies of ${signal} (else exits ${String(status)})`, () => {
      const { proc, events } = installed();
      proc.emit(signal, signal);
      expect(events).toEqual(['clean up', `kill 4242 ${signal}`, `exit ${String(status)}`]);
      expect(proc.listenerCount(signal)).toBe(0);
    });
  }

  it('installs nothing else', () => {
    const { proc } = installed();
    expect(proc.eventNames().sort()).toEqual(['SIGHUP', 'SIGINT', 'SIGTERM']);
  });
});
