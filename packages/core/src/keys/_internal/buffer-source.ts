// WebCrypto takes BufferSource backed by an ArrayBuffer; our byte arrays may be views of any buffer.

export function bufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}
