import { describe, expect, it } from 'vitest';
import { CFSSL_FLAGS } from '../../flags/cfssl-flags.js';
import { parseGoFlags } from '../../flags/parse-go-flags.js';
import type { CommandContext } from '../cfssl-command.js';
import { hostsFlag } from './layout-flags.js';

function contextWith(argv: string[]): CommandContext {
  const flags = parseGoFlags(CFSSL_FLAGS, argv);
  return { flags, str: (name: string) => String(flags.values.get(name) ?? '') } as unknown as CommandContext;
}

describe('hostsFlag', () => {
  it('is null when -hosts is absent', () => {
    expect(hostsFlag(contextWith([]))).toBeNull();
  });

  it('trims entries and drops empty ones', () => {
    expect(hostsFlag(contextWith(['-hosts', ' 10.0.0.1 ,, etcd.local ,']))).toEqual(['10.0.0.1', 'etcd.local']);
  });

  it.each([[''], [',,, ,']])('refuses a list with no host left (%j): the server certificate would have no SANs', (value) => {
    let refusal: unknown;
    try {
      hostsFlag(contextWith(['-hosts', value]));
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toMatchObject({
      code: 'ERR_INPUT',
      cfsslCode: 0,
      message: `-hosts ${JSON.stringify(value)} names no host: a server certificate needs at least one DNS name or IP address`,
    });
  });
});
