import { describe, expect, it } from 'vitest';
import { createMultirootMetrics } from './multiroot-metrics.js';

describe('createMultirootMetrics', () => {
  it('lists nothing before a counter moves (a CounterVec without series)', () => {
    expect(createMultirootMetrics().render()).toBe('');
  });

  it('renders families sorted by name, series by label value, with HELP and TYPE (text format 0.0.4)', () => {
    const m = createMultirootMetrics();
    m.request('b');
    m.request('a');
    m.request('a');
    m.badInput();
    m.errored('a');
    expect(m.render()).toBe(
      [
        '# HELP bad_inputs_total How many times the input was malformed or not allowed.',
        '# TYPE bad_inputs_total counter',
        'bad_inputs_total{operation="sign"} 1',
        '# HELP requests_errored_total How many requests for each operation type resulted in an error.',
        '# TYPE requests_errored_total counter',
        'requests_errored_total{operation="sign",signer="a"} 1',
        '# HELP requests_total How many requests for each operation type and signer were succesfully processed.',
        '# TYPE requests_total counter',
        'requests_total{operation="sign",signer="a"} 2',
        'requests_total{operation="sign",signer="b"} 1',
        '',
      ].join('\n'),
    );
  });

  it('escapes a label value as the exposition format requires', () => {
    const m = createMultirootMetrics();
    m.request('x"y\\z');
    expect(m.render()).toContain('requests_total{operation="sign",signer="x\\"y\\\\z"} 1');
  });
});
