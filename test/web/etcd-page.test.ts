// The web page in a real browser: headless Chromium (Debian's, driven by playwright-core) opens the built page from a
// local server, makes etcd-cert/ with the button, and the downloaded zip is judged by openssl and `cfssl-ts check`
// against what `cfssl-ts etcd-cert` writes; then the decoder view. CFSSL_TS_WEB_SCREENSHOTS=1 (`pnpm web:screenshots`)
// also writes docs/web-generate.png and docs/web-decode.png.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '@cfssl-ts/web/scripts/static-server.mjs';
import { REPO_ROOT } from '@cfssl-ts/test-support/repo-paths';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { runBin } from '@cfssl-ts/test-support/run-bin';
import { zipEntryModes } from '@cfssl-ts/test-support/zip-entry-modes';

const DIST = join(REPO_ROOT, 'packages', 'web', 'dist');
const SCREENSHOTS = process.env.CFSSL_TS_WEB_SCREENSHOTS === '1';
const HOSTS = '127.0.0.1,10.0.0.11,etcd.example';

const haveJudges = requireTool('chromium') && requireTool('openssl');

// Chromium with no background traffic, no sandbox (containers) and its own throw-away profile.
async function launch(profile: string): Promise<BrowserContext> {
  const executablePath = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  return chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1000, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Unzip `zip` into `dir` with the modes it records; returns the entry names under etcd-cert/. */
function extract(zip: Uint8Array, dir: string): string[] {
  const modes = zipEntryModes(zip);
  const names: string[] = [];
  for (const [name, data] of Object.entries(unzipSync(zip))) {
    expect(name.startsWith('etcd-cert/'), name).toBe(true);
    const mode = modes.get(name)?.mode ?? 0;
    mkdirSync(join(dir, 'etcd-cert'), { recursive: true });
    writeFileSync(join(dir, name), data, { mode: mode & 0o777 });
    names.push(name.slice('etcd-cert/'.length));
  }
  return names;
}

const openssl = (args: readonly string[], cwd: string) => spawnSync('openssl', args, { cwd, encoding: 'utf8' });

describe.skipIf(!haveJudges)('the web page in headless Chromium', () => {
  let root: string;
  let server: Server;
  let url: string;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(DIST, 'index.html'))) throw new Error('packages/web/dist/index.html is missing: run pnpm run build first');
    root = mkdtempSync(join(tmpdir(), 'cfssl-ts-web-'));
    ({ server, url } = await serveStatic(DIST));
    context = await launch(join(root, 'profile'));
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await context.close();
    await new Promise((resolve) => server.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  it.each([
    ['rsa', 'RSA 2048 bits', 'RSA PRIVATE KEY'],
    ['ecdsa', 'ECDSA P-256 (256 bits)', 'EC PRIVATE KEY'],
  ] as const)(
    'makes etcd-cert.zip with %s keys: the files of cfssl-ts etcd-cert, passing openssl verify and cfssl-ts check',
    async (key, keyText, keyLabel) => {
      await page.goto(url);
      const hosts = page.getByLabel('Hosts of the server certificate');
      await expect(hosts.inputValue()).resolves.toBe('127.0.0.1,192.168.31.63,192.168.31.65,192.168.31.66');
      await hosts.fill(HOSTS.replaceAll(',', ', '));
      await page.getByLabel(key === 'rsa' ? "RSA 2048 (the tutorial's)" : 'ECDSA P-256').check();
      // one button, pressed from the keyboard
      await page.getByRole('button', { name: 'Make the certificates' }).press('Enter');
      const heading = page.getByRole('heading', { name: 'Your certificates' });
      await heading.waitFor({ timeout: 60_000 });
      await expect(heading.evaluate((node) => node === document.activeElement)).resolves.toBe(true);
      await expect(page.getByRole('status').textContent()).resolves.toBe('Done: 9 files for 127.0.0.1, 10.0.0.11, etcd.example.');

      const server = page.getByRole('article').filter({ hasText: 'Server certificate (server.pem)' });
      await expect(server.locator('dd').allTextContents()).resolves.toEqual([
        'C=CN, ST=BeiJing, L=BeiJing, CN=etcd',
        'C=CN, ST=Beijing, L=Beijing, CN=etcd CA',
        expect.stringMatching(/^\d+$/) as string,
        'DNS: etcd.exampleIP: 127.0.0.1IP: 10.0.0.11',
        expect.stringMatching(/^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) as string,
        expect.stringMatching(/^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) as string,
        'signingkey enciphermentserver authclient auth',
        'no',
        keyText,
      ]);
      await server.getByText('certinfo JSON (cfssl certinfo -cert)').click();
      const certinfo = JSON.parse((await server.locator('pre').textContent()) ?? '') as { sans: string[] };
      expect(certinfo.sans).toEqual(['etcd.example', '127.0.0.1', '10.0.0.11']);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download etcd-cert.zip' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('etcd-cert.zip');
      const zip = readFileSync(await download.path());
      const dir = join(root, key);
      const names = extract(zip, dir);

      // the same files, modes and input documents as the command writes
      expect(runBin('cfssl-ts', ['etcd-cert', '-dir', 'cli', '-hosts', HOSTS], dir).status).toBe(0);
      const cliDir = join(dir, 'cli');
      expect(names.sort()).toEqual(readdirSync(cliDir).sort());
      for (const name of names) {
        expect(statSync(join(dir, 'etcd-cert', name)).mode & 0o777, name).toBe(statSync(join(cliDir, name)).mode & 0o777);
      }
      const inputs = key === 'rsa' ? ['ca-config.json', 'ca-csr.json', 'server-csr.json'] : ['ca-config.json'];
      for (const name of inputs)
        expect(readFileSync(join(dir, 'etcd-cert', name), 'utf8'), name).toBe(readFileSync(join(cliDir, name), 'utf8'));
      expect(readFileSync(join(dir, 'etcd-cert', 'server-key.pem'), 'utf8')).toContain(`-----BEGIN ${keyLabel}-----`);

      // the judges
      const certs = join(dir, 'etcd-cert');
      const verify = openssl(['verify', '-CAfile', 'ca.pem', '-purpose', 'sslserver', 'server.pem'], certs);
      expect(verify.stdout + verify.stderr).toBe('server.pem: OK\n');
      const sans = openssl(['x509', '-in', 'server.pem', '-noout', '-ext', 'subjectAltName'], certs);
      expect(sans.stdout).toContain('DNS:etcd.example, IP Address:127.0.0.1, IP Address:10.0.0.11');
      const check = runBin('cfssl-ts', ['check', 'etcd-cert'], dir);
      expect(check.stderr).toBe('');
      expect(check.status).toBe(0);

      if (SCREENSHOTS && key === 'rsa') await page.screenshot({ path: join(REPO_ROOT, 'docs', 'web-generate.png'), fullPage: true });
    },
  );

  it('decodes a pasted CSR, a chosen certificate file, and refuses what is not PEM', async () => {
    // the tabs answer the arrow keys
    await page.getByRole('tab', { name: 'Make etcd certificates' }).focus();
    await page.keyboard.press('ArrowRight');
    const decodeTab = page.getByRole('tab', { name: 'Decode a certificate or CSR' });
    await expect(decodeTab.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(decodeTab.evaluate((node) => node === document.activeElement)).resolves.toBe(true);

    const certs = join(root, 'rsa', 'etcd-cert');
    await page.getByLabel('PEM text').fill(readFileSync(join(certs, 'server.csr'), 'utf8'));
    await page.getByRole('button', { name: 'Decode' }).click();
    const csr = page.getByRole('article').filter({ hasText: 'Certificate request' });
    await expect(csr.locator('dd').allTextContents()).resolves.toEqual([
      'C=CN, ST=BeiJing, L=BeiJing, CN=etcd',
      'DNS: etcd.exampleIP: 127.0.0.1IP: 10.0.0.11',
      'RSA 2048 bits',
    ]);

    await page.getByLabel('Or choose a file').setInputFiles(join(certs, 'ca.pem'));
    const ca = page.getByRole('article').filter({ hasText: 'Certificate' });
    await ca.getByText('C=CN, ST=Beijing, L=Beijing, CN=etcd CA').first().waitFor();
    await expect(ca.locator('dt', { hasText: /^CA$/ }).locator('+ dd').textContent()).resolves.toBe('yes');
    await expect(page.getByLabel('PEM text').inputValue()).resolves.toBe(readFileSync(join(certs, 'ca.pem'), 'utf8'));
    await ca.getByText('certinfo JSON (cfssl certinfo -cert)').click();
    if (SCREENSHOTS) await page.screenshot({ path: join(REPO_ROOT, 'docs', 'web-decode.png'), fullPage: true });

    await page.getByLabel('PEM text').fill('not a certificate');
    await page.getByRole('button', { name: 'Decode' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Cannot decode this: Failed to decode certificate');
  });

  it('fits a phone-width screen in both views', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const tab of ['Make etcd certificates', 'Decode a certificate or CSR']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
    }
  });

  it('made no request but for the page and its two assets, and logged no error', () => {
    const assets = readdirSync(join(DIST, 'assets')).map((name) => `${url}assets/${name}`);
    expect(new Set(requests.filter((r) => !r.startsWith('blob:')))).toEqual(new Set([url, ...assets]));
    expect(pageErrors).toEqual([]);
  });

  it('works opened from disk (dist/index.html)', async () => {
    const local = await context.newPage();
    await local.goto(pathToFileURL(join(DIST, 'index.html')).href);
    await local.getByLabel('ECDSA P-256').check();
    await local.getByRole('button', { name: 'Make the certificates' }).click();
    await local.getByRole('heading', { name: 'Your certificates' }).waitFor({ timeout: 60_000 });
    await expect(local.getByRole('status').textContent()).resolves.toMatch(/^Done: 9 files for 127\.0\.0\.1, /);
    await local.close();
  });
});
