// A PemDescription as DOM: a definition list of its rows and cfssl certinfo's JSON in a disclosure.
import type { PemDescription } from './describe-pem.js';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className !== undefined) node.className = className;
  return node;
}

/**
 * An `<article>` titled `title`: the description's rows (`<dl>`) and its certinfo JSON (`<details>`).
 *
 * @example
 * container.append(renderDescription('ca.pem', describePem(caPem)));
 */
export function renderDescription(title: string, description: PemDescription): HTMLElement {
  const article = element('article', undefined, 'certificate');
  article.append(element('h3', title));
  const list = element('dl');
  for (const row of description.rows) {
    list.append(element('dt', row.label));
    const value = element('dd');
    if (row.values.length === 0) value.textContent = '(none)';
    for (const line of row.values) value.append(element('span', line, 'line'));
    list.append(value);
  }
  article.append(list);
  const details = element('details');
  details.append(element('summary', `certinfo JSON (cfssl certinfo ${description.kind === 'csr' ? '-csr' : '-cert'})`));
  details.append(element('pre', description.certinfo));
  article.append(details);
  return article;
}

/** A paragraph with role alert holding `message`. */
export function renderError(message: string): HTMLElement {
  const p = element('p', message, 'error');
  p.setAttribute('role', 'alert');
  return p;
}
