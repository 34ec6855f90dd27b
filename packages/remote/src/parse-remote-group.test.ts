import { describe, expect, it } from 'vitest';
import { CfsslError } from '@cfssl-ts/core';
import { parseRemoteGroup } from './parse-remote-group.js';

describe('parseRemoteGroup', () => {
  it('keeps the order of a comma-separated fail-over group', () => {
    expect(parseRemoteGroup('10.0.0.1:8888, https://ca2.example')).toEqual(['http://10.0.0.1:8888', 'https://ca2.example:8888']);
  });

  it("fails the whole group on one bad entry with cfssl's 5300 'failed to connect to remote'", () => {
    let err: unknown;
    try {
      parseRemoteGroup('ca.example,ca2.example:bad');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CfsslError);
    expect(err).toMatchObject({ code: 'ERR_POLICY', cfsslCode: 5300, message: 'failed to connect to remote' });
  });
});
