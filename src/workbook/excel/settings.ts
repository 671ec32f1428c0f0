/** What the add-in remembers in the workbook: Office document settings, saved with it (no round trip to read). */

const SETTINGS_KEY = "dcp.settings";

export function readSetting<T>(key: string): T | null {
  return (Office.context.document.settings.get(key) as T | null) ?? null;
}

export function saveSetting(key: string, value: unknown): Promise<void> {
  const settings = Office.context.document.settings;
  settings.set(key, value);
  return new Promise((resolve, reject) =>
    settings.saveAsync((result) => (result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(result.error.message)))),
  );
}

export interface PaneSettings {
  planEffectiveDate: string;
  /** Month and day, MM-DD. */
  fiscalYearEnd: string;
  pricesSheet: string;
}

/** The pane's settings as this workbook remembers them. */
export function loadPaneSettings(defaults: PaneSettings): PaneSettings {
  return { ...defaults, ...(readSetting<Partial<PaneSettings>>(SETTINGS_KEY) ?? {}) };
}

export function savePaneSettings(settings: PaneSettings): Promise<void> {
  return saveSetting(SETTINGS_KEY, settings);
}
