import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { describeWriteError, EXIT_BROKEN_PIPE, guardOutputStreams } from './guard-output-streams.js';

const errno = (code: string, message = `${code} failure`): NodeJS.ErrnoException => Object.assign(new Error(message), { code });

function guarded(): { stdout: EventEmitter; stderr: EventEmitter; exits: number[]; lines: string[] } {
  const stdout = new EventEmitter();
  const stderr = new EventEmitter();
  const exits: number[] = [];
  const lines: string[] = [];
  guardOutputStreams(
    'cfssl-ts',
    { stdout, stderr },
    (s) => exits.push(s),
    (l) => lines.push(l),
  );
  return { stdout, stderr, exits, lines };
}

describe('guardOutputStreams', () => {
  it('ends quietly with 141 when the reader of stdout goes away (EPIPE)', () => {
    const g = guarded();
    g.stdout.emit('error', errno('EPIPE'));
    expect(g.exits).toEqual([EXIT_BROKEN_PIPE]);
    expect(g.lines).toEqual([]);
  });

  it('reports a full disk on stdout in Go words and exits 1', () => {
    const g = guarded();
    g.stdout.emit('error', errno('ENOSPC'));
    expect(g.lines).toEqual(['cfssl-ts: write /dev/stdout: no space left on device\n']);
    expect(g.exits).toEqual([1]);
  });

  it('exits without writing when stderr itself fails', () => {
    const g = guarded();
    g.stderr.emit('error', errno('EIO'));
    expect(g.exits).toEqual([1]);
    expect(g.lines).toEqual([]);
  });
});

describe('describeWriteError', () => {
  it("keeps Node's message for codes Go words differently or not at all", () => {
    expect(describeWriteError('/dev/stdout', errno('EDQUOT'))).toBe('write /dev/stdout: disk quota exceeded');
    expect(describeWriteError('/dev/stdout', errno('EWHATEVER', 'odd'))).toBe('write /dev/stdout: odd');
  });
});
