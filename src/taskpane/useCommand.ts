/** Runs one workbook command at a time, with its progress, its outcome and its error for the page to show. */
import { useCallback, useState } from "react";

export interface Command {
  busy: string | undefined;
  error: string | undefined;
  /** What the last command did, in a sentence. */
  status: string | undefined;
  setStatus: (status: string | undefined) => void;
  run: (label: string, action: () => Promise<void>) => Promise<void>;
}

export function useCommand(): Command {
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const run = useCallback(async (label: string, action: () => Promise<void>) => {
    setBusy(label);
    setError(undefined);
    setStatus(undefined);
    try {
      await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(undefined);
    }
  }, []);
  return { busy, error, status, setStatus, run };
}
