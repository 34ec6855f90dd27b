import { describe, expect, it } from 'vitest';
import { goTrimSpace } from './trim-space.js';

describe('goTrimSpace', () => {
  it('trims unicode.IsSpace characters only', () => {
    expect(goTrimSpace(' \t\r\n ab cd \n')).toBe('ab cd');
    expect(goTrimSpace('\u0085\u00a0x\u3000')).toBe('x');
    expect(goTrimSpace('\ufeffx')).toBe('\ufeffx');
    expect(goTrimSpace('')).toBe('');
  });
});
