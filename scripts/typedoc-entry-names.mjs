// TypeDoc plugin (typedoc.json): name each entry module by its import specifier (`@cfssl-ts/core/go`), not by
// its source folder (`core/src/go`), so the reference reads the way code imports it.
import { Converter, ReflectionKind } from 'typedoc';

const SPECIFIERS = new Map([
  ['core/src', '@cfssl-ts/core'],
  ['core/src/go', '@cfssl-ts/core/go'],
  ['core/src/node', '@cfssl-ts/core/node'],
  ['core/src/bundle', '@cfssl-ts/core/bundle'],
  ['layout/src', '@cfssl-ts/layout'],
]);

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      const name = SPECIFIERS.get(module.name);
      if (name === undefined) throw new Error(`typedoc-entry-names: no import specifier for the entry ${module.name}`);
      module.name = name;
    }
  });
}
