import { CfsslError } from '@cfssl-ts/core';
import { describe, expect, it } from 'vitest';
import { renderCfsslError } from './render-cfssl-error.js';

describe('renderCfsslError', () => {
  it('prints cfssl errors as {"code","message"} and plain errors as their text', () => {
    expect(renderCfsslError(new CfsslError('ERR_POLICY', 5400))).toBe('{"code":5400,"message":"Unknown policy profile"}');
    expect(renderCfsslError(new CfsslError('ERR_CONFIG', 0, 'No "signing" field present'))).toBe('No "signing" field present');
  });
});
