/** Runs one workbook command at a time, with its progress and its error for the page to show. */
import { useCallback, useState } from "react";

export interface Command {
  busy: string | undefined;
  error: string | undefined;
  run: (label: string, action: () => Promise<void>) => Promise<void>;
  clearError: () => void;
}

export function useCommand(): Command {
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const run = useCallback(async (label: string, action: () => Promise<void>) => {
    setBusy(label);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(undefined);
    }
  }, []);
  return { busy, error, run, clearError: () => setError(undefined) };
}
