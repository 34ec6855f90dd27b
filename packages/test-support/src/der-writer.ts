// Core's DER writer for tests that build whole certificates and CSRs: core keeps it internal (not on its
// public entry), so this is the one place outside core that imports it.
export {
  DER_NULL,
  concatBytes,
  derBitString,
  derBoolean,
  derContextConstructed,
  derContextPrimitive,
  derInteger,
  derOctetString,
  derOid,
  derSequence,
  tlv,
} from '../../core/src/der/der-writer.js';
