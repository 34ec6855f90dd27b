import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CFSSL_ERROR_CODES, CFSSL_NUMERIC_CODES } from '@cfssl-ts/core';
import { LAYOUT_ERROR_CODES } from '@cfssl-ts/layout';
import { BEGIN, END, renderErrorsSection, replaceGenerated } from '../../scripts/render-errors-doc.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOC = fileURLToPath(new URL('../../docs/errors.md', import.meta.url));
const section = (): string =>
  renderErrorsSection({ errorCodes: CFSSL_ERROR_CODES, numericCodes: CFSSL_NUMERIC_CODES, layoutCodes: LAYOUT_ERROR_CODES });

describe('docs/errors.md', () => {
  it('holds exactly what scripts/render-errors-doc.mjs renders from the error catalogues', () => {
    const doc = readFileSync(DOC, 'utf8');
    // On failure: pnpm run build && node scripts/render-errors-doc.mjs
    expect(replaceGenerated(doc, section())).toBe(doc);
  });

  it('lists every string code and numeric code of the catalogues', () => {
    const text = section();
    for (const { code } of [...CFSSL_ERROR_CODES, ...LAYOUT_ERROR_CODES]) expect(text).toContain(`| \`${code}\` |`);
    for (const { cfsslCode, message } of CFSSL_NUMERIC_CODES) expect(text).toContain(`| ${cfsslCode} | ${message} |`);
  });

  it('replaces only the text between the markers, and refuses a doc without them', () => {
    expect(replaceGenerated(`intro\n${BEGIN}\nold\n${END}\noutro\n`, 'NEW')).toBe('intro\nNEW\noutro\n');
    expect(() => replaceGenerated('no markers', 'NEW')).toThrow(/markers/);
  });
});

describe('error catalogue', () => {
  it('names, for each string code, every literal cfssl code the sources raise it with', () => {
    const files = execFileSync(
      'git',
      ['ls-files', '--cached', '--others', '--exclude-standard', 'packages/*/src/*.ts', 'packages/*/src/**/*.ts'],
      { cwd: ROOT, encoding: 'utf8' },
    )
      .split('\n')
      .filter((f) => f !== '' && !f.endsWith('.test.ts'));
    const allowed = new Map<string, readonly number[]>(CFSSL_ERROR_CODES.map((c) => [c.code, c.cfsslCodes]));
    const sites: string[] = [];
    for (const file of files) {
      for (const m of readFileSync(`${ROOT}/${file}`, 'utf8').matchAll(/new CfsslError\(\s*'([A-Z_]+)',\s*(\d+)/g)) {
        sites.push(`${m[1]} ${m[2]}`);
        expect(allowed.get(m[1]!), `${file}: ${m[0]}`).toContain(Number(m[2]));
      }
    }
    expect(sites.length).toBeGreaterThan(100);
  });
});
