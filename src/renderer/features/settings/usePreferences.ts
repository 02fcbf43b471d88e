import { useEffect } from 'react';
import { api } from '../../api';
import { refreshPages } from '../../lib/dataVersion';
import { setDayPattern } from '../../lib/format';
import type { Preferences } from '../../../shared/api/schemas/preferences';
import { preferenceDefaults } from './preferenceDefaults';
import { useAsync } from '../../lib/useAsync';
import { applyPreferencesWrite } from './preferenceWrites';

/** The stored preferences; a save's answer replaces them with no refetch (preferenceWrites.ts). */
export function usePreferencesQuery() {
  return useAsync(() => api.preferences.get({}), [], { apply: applyPreferencesWrite });
}

/** Applies the theme and date format from the stored preferences (again after every save or other change). */
export function usePreferencesEffects(): void {
  const prefs = usePreferencesQuery().data;
  useEffect(() => {
    if (prefs) applyPreferences(prefs);
  }, [prefs]);
}

let appliedPattern = 'locale';

export function applyPreferences(prefs: Preferences, announce = true): void {
  const root = document.documentElement;
  if (prefs.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = prefs.theme;
  if (prefs.dateFormat !== appliedPattern) {
    appliedPattern = prefs.dateFormat;
    setDayPattern(prefs.dateFormat);
    // Dates already on screen are drawn again in the new format.
    if (announce) refreshPages();
  }
}

const defaults = preferenceDefaults;

/** The stored preferences (the defaults until they are read). */
export function usePreferences(): Preferences {
  return usePreferencesQuery().data ?? defaults;
}
