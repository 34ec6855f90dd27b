// cfssl-ts etcd-cert (extension): the etcd tutorial's etcd-cert/ directory in one command.
import { ETCD_DEFAULT_HOSTS, etcdPreset } from '@cfssl-ts/layout';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { dirFlag, existingHosts, hostsFlag, noArguments, withHosts } from './_layout/layout-flags.js';
import { runLayout } from './_layout/run-layout.js';

const USAGE = `cfssl-ts etcd-cert -- the etcd tutorial's CA and server certificate (cfssl-ts extension)

Usage of etcd-cert:
        cfssl-ts etcd-cert [-dir etcd-cert] [-hosts h1,h2,...] [-force]

Writes DIR/ca-config.json, ca-csr.json, server-csr.json and ca.pem ca-key.pem ca.csr server.pem
server-key.pem server.csr, as these two cfssl commands would in DIR:
        cfssl gencert -initca ca-csr.json | cfssljson -bare ca
        cfssl gencert -ca=ca.pem -ca-key=ca-key.pem -config=ca-config.json -profile=www server-csr.json | cfssljson -bare server

Existing keys and certificates are kept; what is missing is created. A file that no longer
matches its inputs (other -hosts) is reported and rewritten only with -force; keys are never
replaced (certificates are re-issued with the same key). Without -hosts the hosts of an existing
server-csr.json are used, else ${ETCD_DEFAULT_HOSTS.join(',')}.

Flags:
`;

async function etcdCertMain(ctx: CommandContext): Promise<void> {
  noArguments(ctx, 'etcd-cert');
  const dir = dirFlag(ctx, 'etcd-cert');
  const hosts = hostsFlag(ctx);
  let spec = etcdPreset(hosts === null ? {} : { hosts });
  if (hosts === null) {
    const current = await existingHosts(ctx, dir, 'server-csr.json');
    if (current !== null) spec = withHosts(spec, 'server', current);
  }
  await runLayout(ctx, spec, { dir, force: ctx.bool('force') });
}

export const etcdCertCommand: CfsslCommand = {
  name: 'etcd-cert',
  usageText: USAGE,
  listedFlags: ['dir', 'hosts', 'force', 'now'],
  readsReplay: true,
  main: etcdCertMain,
};
