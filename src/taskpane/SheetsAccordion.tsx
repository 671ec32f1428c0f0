/** The folded "Sheets" section of a page: for each sheet the page reads, the workbook sheet it reads it from. */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel } from "@fluentui/react-components";
import { usePageStyles } from "./pageStyles";
import { SheetSelect } from "./SheetSelect";
import type { RoleSheets, SheetRole } from "./sheetChoice";

export function SheetsAccordion<R extends string>(props: {
  roles: ReadonlyArray<SheetRole<R>>;
  sheets: readonly string[];
  choice: RoleSheets<R>;
  onChange: (choice: RoleSheets<R>) => void;
}) {
  const styles = usePageStyles();
  const { roles, sheets, choice, onChange } = props;
  return (
    <Accordion collapsible>
      <AccordionItem value="sheets">
        <AccordionHeader>Sheets</AccordionHeader>
        <AccordionPanel>
          <div className={styles.stack}>
            {roles.map(({ role, name, hint }) => (
              <SheetSelect
                key={role}
                label={`${name} sheet`}
                hint={hint}
                className={styles.control}
                sheets={sheets}
                value={choice[role]}
                onChange={(sheet) => onChange({ ...choice, [role]: sheet })}
              />
            ))}
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
