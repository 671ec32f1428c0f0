/** Picks one of the workbook's sheets, or none. */
import { Field, Select } from "@fluentui/react-components";

export function SheetSelect(props: {
  label: string;
  hint?: string;
  sheets: readonly string[];
  value: string;
  onChange: (sheet: string) => void;
  className?: string;
}) {
  return (
    <Field label={props.label} hint={props.hint}>
      <Select className={props.className} value={props.value} onChange={(_, data) => props.onChange(data.value)}>
        <option value="">(none)</option>
        {props.sheets.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
