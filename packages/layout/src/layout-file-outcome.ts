// What buildLayout decided for one file of a layout.

/**
 * What happened to one file: `created` (it was missing), `kept` (it exists and matches its
 * inputs; left untouched), `replaced` (it differed and `force` was given), `stale` (it differs
 * from its inputs, or is missing but cannot be made without replacing something; left as it is).
 */
export type LayoutFileAction = 'created' | 'kept' | 'replaced' | 'stale';

/** One file of the layout and what `buildLayout` decided for it, with the reasons. */
export interface LayoutFileOutcome {
  file: string;
  action: LayoutFileAction;
  reasons: string[];
}
