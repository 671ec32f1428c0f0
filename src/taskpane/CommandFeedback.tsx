/** A command's progress, error or outcome, the same on every page. */
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import type { Command } from "./useCommand";

export function CommandFeedback({ command }: { command: Command }) {
  return (
    <>
      {command.busy && <Spinner size="tiny" label={command.busy} aria-live="polite" />}
      {command.error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>That did not work</MessageBarTitle>
            {command.error}
          </MessageBarBody>
        </MessageBar>
      )}
      {command.status && (
        <MessageBar intent="success">
          <MessageBarBody>{command.status}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
