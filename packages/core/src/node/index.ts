// @cfssl-ts/core/node: what only Node can run (node:crypto); the main entry stays runtime-neutral.
export { nodeCryptoBackend } from './node-crypto-backend.js';
