// The Unix modes a zip archive records (what `unzip` restores), read from its central directory.

/** Host system and st_mode of one zip entry (host 3 is Unix; the mode is 0 when the archive records none). */
export interface ZipEntryMode {
  host: number;
  mode: number;
}

/**
 * Entry name -> its "version made by" host and the high 16 bits of its external attributes
 * (APPNOTE.TXT 4.3.12: a central directory header, PK\x01\x02, holds the host at +5, the
 * attributes at +38, the name length at +28 and the name at +46).
 */
export function zipEntryModes(zip: Uint8Array): Map<string, ZipEntryMode> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const modes = new Map<string, ZipEntryMode>();
  for (let i = 0; i + 46 <= zip.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const name = new TextDecoder().decode(zip.subarray(i + 46, i + 46 + view.getUint16(i + 28, true)));
    modes.set(name, { host: view.getUint8(i + 5), mode: view.getUint32(i + 38, true) >>> 16 });
  }
  return modes;
}
