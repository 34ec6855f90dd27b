// The JSON input files of a layout: how they are written and how two versions are compared.

/** A document as the tutorial writes it: four-space indentation, a final newline. */
export function formatJsonDocument(value: unknown): string {
  return `${JSON.stringify(value, null, 4)}\n`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/**
 * Where two JSON values differ, as `path: file has X, requested Y` lines (object key order and
 * formatting do not count; arrays compare element by element).
 */
export function jsonDifferences(actual: unknown, requested: unknown, path = ''): string[] {
  if (isObject(actual) && isObject(requested)) {
    const keys = [...new Set([...Object.keys(requested), ...Object.keys(actual)])];
    return keys.flatMap((key) => jsonDifferences(actual[key], requested[key], path === '' ? key : `${path}.${key}`));
  }
  if (JSON.stringify(actual) === JSON.stringify(requested)) return [];
  return [`${path === '' ? '(document)' : path}: file has ${show(actual)}, requested ${show(requested)}`];
}
