// Core's DER reader for the comparators and root tests: core keeps it internal (not on its public entry),
// so this is the one place outside core that imports it.
export { decodeOid, readChildren, readSingle, readTlv, type DerNode } from '../../core/src/der/der-reader.js';
