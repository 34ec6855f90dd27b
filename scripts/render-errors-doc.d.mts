// Types of scripts/render-errors-doc.mjs for the TypeScript tests that import it.

export const BEGIN: string;
export const END: string;

/** The catalogues the section is rendered from (the shapes of @cfssl-ts/core's and @cfssl-ts/layout's entries). */
export interface ErrorCatalogues {
  errorCodes: readonly { code: string; cfsslCodes: readonly number[]; description: string }[];
  numericCodes: readonly { cfsslCode: number; message: string; raisedFor: string }[];
  layoutCodes: readonly { code: string; errorClass: string; description: string }[];
}

/** The generated section: string codes of CfsslError, cfssl's numeric codes, then the layout codes. */
export function renderErrorsSection(catalogues: ErrorCatalogues): string;

/** `doc` with the text between the markers (markers included) replaced by `section`. */
export function replaceGenerated(doc: string, section: string): string;
