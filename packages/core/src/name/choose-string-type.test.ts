import { describe, expect, it } from 'vitest';
import { TAG } from '../der/der-writer.js';
import { chooseStringTag } from './choose-string-type.js';

describe('chooseStringTag (Go asn1: PrintableString unless a character forbids it)', () => {
  it.each(['Acme Co', 'a-b.c/d:e=f?g', "(x) 'y' + z,", 'CN', ''])('%j is PrintableString', (v) => {
    expect(chooseStringTag(v)).toBe(TAG.PRINTABLE_STRING);
  });
  // reference §5.3: * & @ _ # ! " ; < and non-ASCII give UTF8String (verified on cfssl)
  it.each(['*.example.com', 'R&D', 'a@b.c', 'snake_case', '#1', 'hi!', '"q"', 'a;b', '<x>', 'Zürich', '北京'])('%j is UTF8String', (v) => {
    expect(chooseStringTag(v)).toBe(TAG.UTF8_STRING);
  });
});
