import { describe, expect, it } from 'vitest';
import { Preferences } from '../../../shared/api/schemas/preferences';
import { preferenceDefaults } from './preferenceDefaults';

describe('preferenceDefaults', () => {
  it('is what the schema fills in for empty stored preferences', () => {
    expect(preferenceDefaults).toEqual(Preferences.parse({}));
  });
});
