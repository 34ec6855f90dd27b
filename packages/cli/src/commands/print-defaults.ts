// cfssl print-defaults (reference §2.7): the config and CSR templates cfssl ships, byte for byte.
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { popFirstArgument } from './_internal/command-helpers.js';

const USAGE = `cfssl print-defaults -- print default configurations that can be used as a template

Usage of print-defaults:
        cfssl print-defaults TYPE

If "list" is used as the TYPE, the list of supported types will be printed.
`;

// cfssl cli/printdefault/defaults.go. cfssl keeps them in a Go map, so its `list` order is random;
// cfssl-ts always lists them in this (sorted) order.
const DEFAULTS: ReadonlyMap<string, string> = new Map([
  [
    'config',
    `{
    "signing": {
        "default": {
            "expiry": "168h"
        },
        "profiles": {
            "www": {
                "expiry": "8760h",
                "usages": [
                    "signing",
                    "key encipherment",
                    "server auth"
                ]
            },
            "client": {
                "expiry": "8760h",
                "usages": [
                    "signing",
                    "key encipherment",
                    "client auth"
                ]
            }
        }
    }
}
`,
  ],
  [
    'csr',
    `{
    "CN": "example.net",
    "hosts": [
        "example.net",
        "www.example.net"
    ],
    "key": {
        "algo": "ecdsa",
        "size": 256
    },
    "names": [
        {
            "C": "US",
            "ST": "CA",
            "L": "San Francisco"
        }
    ]
}
`,
  ],
]);

function printDefaultsMain(ctx: CommandContext): Promise<void> {
  // Extra arguments are ignored, as in cfssl.
  const [type] = popFirstArgument(ctx.args);
  const template = type === 'list' ? undefined : DEFAULTS.get(type);
  if (template === undefined) {
    // printAvailable (also for unknown types, still exit 0)
    ctx.io.writeStdout(`Default configurations are available for:\n${[...DEFAULTS.keys()].map((n) => `\t${n}\n`).join('')}`);
    return Promise.resolve();
  }
  // fmt.Println of a template that already ends in a newline: one blank line follows.
  ctx.io.writeStdout(`${template}\n`);
  return Promise.resolve();
}

export const printDefaultsCommand: CfsslCommand = {
  name: 'print-defaults',
  usageText: USAGE,
  listedFlags: [],
  main: printDefaultsMain,
};
