// Every cfssl-ts subcommand, by name, loaded on demand: a run imports only the command it executes.
import type { CfsslCommand } from './cfssl-command.js';

type Loader = () => Promise<CfsslCommand>;

export const COMMANDS: ReadonlyMap<string, Loader> = new Map<string, Loader>([
  ['bundle', async () => (await import('./bundle.js')).bundleCommand],
  ['certdb', async () => (await import('./certdb.js')).certdbCommand],
  ['certinfo', async () => (await import('./certinfo.js')).certinfoCommand],
  ['check', async () => (await import('./check.js')).checkCommand],
  ['crl', async () => (await import('./crl.js')).crlCommand],
  ['etcd-cert', async () => (await import('./etcd-cert.js')).etcdCertCommand],
  ['gencert', async () => (await import('./gencert.js')).gencertCommand],
  ['gencrl', async () => (await import('./gencrl.js')).gencrlCommand],
  ['gencsr', async () => (await import('./gencsr.js')).gencsrCommand],
  ['genkey', async () => (await import('./genkey.js')).genkeyCommand],
  ['info', async () => (await import('./info.js')).infoCommand],
  ['k8s-cert', async () => (await import('./k8s-cert.js')).k8sCertCommand],
  ['layout', async () => (await import('./layout.js')).layoutCommand],
  ['multirootca', async () => (await import('./multirootca.js')).multirootcaCommand],
  ['ocspdump', async () => (await import('./ocspdump.js')).ocspdumpCommand],
  ['ocsprefresh', async () => (await import('./ocsprefresh.js')).ocsprefreshCommand],
  ['ocspserve', async () => (await import('./ocspserve.js')).ocspserveCommand],
  ['ocspsign', async () => (await import('./ocspsign.js')).ocspsignCommand],
  ['print-defaults', async () => (await import('./print-defaults.js')).printDefaultsCommand],
  ['renew', async () => (await import('./renew.js')).renewCommand],
  ['revoke', async () => (await import('./revoke.js')).revokeCommand],
  ['rotate-ca', async () => (await import('./rotate-ca.js')).rotateCaCommand],
  ['selfsign', async () => (await import('./selfsign.js')).selfsignCommand],
  ['serve', async () => (await import('./serve.js')).serveCommand],
  ['sign', async () => (await import('./sign.js')).signCommand],
  ['version', async () => (await import('./version.js')).versionCommand],
]);
