import { describe, expect, it } from 'vitest';
import { goBytesType, goField, goIntType, goMapType, goPointerType, goSliceType, goStringType, goStructType } from './go-type.js';

describe('Go type descriptors', () => {
  it('name types as reflect.Type.String() does', () => {
    const profile = goStructType('config.SigningProfile', []);
    expect(goMapType(goPointerType(profile)).name).toBe('map[string]*config.SigningProfile');
    expect(goSliceType(goBytesType()).name).toBe('[][]uint8');
    expect(goSliceType(goIntType(), 'asn1.ObjectIdentifier').name).toBe('asn1.ObjectIdentifier');
    expect(profile).toMatchObject({ kind: 'struct', shortName: 'SigningProfile' });
  });

  it('uses the Go field name as JSON name for untagged fields', () => {
    expect(goField('Policies', goStringType())).toEqual({ goName: 'Policies', jsonName: 'Policies', type: goStringType() });
    expect(goField('Usage', goStringType(), 'usages', { internal: true })).toMatchObject({ jsonName: 'usages', internal: true });
  });
});
