// Collects, per file of a layout, its outcome and (for created and replaced files) its planned contents.
import type { LayoutFileAction, LayoutFileOutcome } from '../layout-file-outcome.js';
import { KEY_FILE_MODE, PUBLIC_FILE_MODE, type PlannedFile, type PlannedFileKind } from '../planned-file.js';

export class Recorder {
  readonly outcomes = new Map<string, LayoutFileOutcome>();
  readonly files = new Map<string, PlannedFile>();
  constructor(private readonly existing: ReadonlyMap<string, Uint8Array>) {}

  record(file: string, action: LayoutFileAction, reasons: string[] = []): void {
    this.outcomes.set(file, { file, action, reasons });
  }
  write(file: string, contents: string, kind: PlannedFileKind, reasons: string[] = []): void {
    this.files.set(file, { path: file, contents, mode: kind === 'private-key' ? KEY_FILE_MODE : PUBLIC_FILE_MODE, kind });
    this.record(file, this.existing.has(file) ? 'replaced' : 'created', reasons);
  }
}
