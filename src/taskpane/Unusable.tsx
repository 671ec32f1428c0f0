/** Why a page's command could not use the workbook at all (a sheet missing, a column unreadable), as one warning. */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { capitalize } from "../engine/format";

export function Unusable({ title, why }: { title: string; why: string }) {
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {`${capitalize(why)}.`}
      </MessageBarBody>
    </MessageBar>
  );
}
