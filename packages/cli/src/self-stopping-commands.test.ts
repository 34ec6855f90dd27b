import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commands/command-table.js';
import { SELF_STOPPING_COMMANDS } from './self-stopping-commands.js';

const commandsDir = join(import.meta.dirname, 'commands');

describe('SELF_STOPPING_COMMANDS', () => {
  it('is exactly the commands whose file waits for untilStopSignal (else main.ts kills them on SIGTERM mid-request)', () => {
    const waiting = readdirSync(commandsDir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .filter((f) => readFileSync(join(commandsDir, f), 'utf8').includes('untilStopSignal()'))
      .map((f) => f.slice(0, -'.ts'.length));
    expect(waiting.length).toBeGreaterThan(0);
    for (const name of waiting) expect(COMMANDS.has(name), name).toBe(true);
    expect([...SELF_STOPPING_COMMANDS].sort()).toEqual(waiting.sort());
  });
});
