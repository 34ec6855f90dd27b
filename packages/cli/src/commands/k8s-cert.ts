// cfssl-ts k8s-cert (extension): the Kubernetes tutorial's k8s-cert/ directory (apiserver, admin, kube-proxy).
import { CfsslError } from '@cfssl-ts/core';
import { parseGoIp } from '@cfssl-ts/core/go';
import { K8S_DEFAULT_SERVICE_IP, k8sPreset } from '@cfssl-ts/layout';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { dirFlag, existingHosts, hostsFlag, noArguments, withHosts } from './_layout/layout-flags.js';
import { runLayout } from './_layout/run-layout.js';

const USAGE = `cfssl-ts k8s-cert -- the Kubernetes tutorial's CA, apiserver, admin and kube-proxy certificates (cfssl-ts extension)

Usage of k8s-cert:
        cfssl-ts k8s-cert [-dir k8s-cert] [-hosts ip1,ip2,...] [-service-ip ${K8S_DEFAULT_SERVICE_IP}] [-force]

Writes DIR/ca-config.json (profile kubernetes), ca-csr.json, server-csr.json, admin-csr.json,
kube-proxy-csr.json and for ca, server, admin, kube-proxy the .pem, -key.pem and .csr, as
        cfssl gencert -initca ca-csr.json | cfssljson -bare ca
        cfssl gencert -ca=ca.pem -ca-key=ca-key.pem -config=ca-config.json -profile=kubernetes X-csr.json | cfssljson -bare X
would. The apiserver certificate is valid for the service IP, 127.0.0.1, the -hosts (master, load
balancer and node addresses) and kubernetes, kubernetes.default, ... .svc.cluster.local.

Existing keys and certificates are kept; what is missing is created. A file that no longer
matches its inputs is reported and rewritten only with -force; keys are never replaced. Without
-hosts and -service-ip the hosts of an existing server-csr.json are used.

Flags:
`;

async function k8sCertMain(ctx: CommandContext): Promise<void> {
  noArguments(ctx, 'k8s-cert');
  const dir = dirFlag(ctx, 'k8s-cert');
  const hosts = hostsFlag(ctx);
  const serviceIp = ctx.flags.set.has('service-ip') ? ctx.str('service-ip').trim() : null;
  if (serviceIp !== null && parseGoIp(serviceIp) === null) {
    throw new CfsslError('ERR_INPUT', 0, `-service-ip ${JSON.stringify(serviceIp)} is not an IP address`);
  }
  let spec = k8sPreset({ ...(hosts === null ? {} : { hosts }), ...(serviceIp === null ? {} : { serviceIp }) });
  if (hosts === null && serviceIp === null) {
    const current = await existingHosts(ctx, dir, 'server-csr.json');
    if (current !== null) spec = withHosts(spec, 'server', current);
  }
  await runLayout(ctx, spec, { dir, force: ctx.bool('force') });
}

export const k8sCertCommand: CfsslCommand = {
  name: 'k8s-cert',
  usageText: USAGE,
  listedFlags: ['dir', 'hosts', 'service-ip', 'force', 'now'],
  readsReplay: true,
  main: k8sCertMain,
};
