/** A list of problems, each a button that selects its cell in the workbook. */
import { Badge, Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { CellLink, CellLinkGroup } from "./findingLinks";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalM },
  heading: { fontWeight: tokens.fontWeightSemibold },
  link: {
    justifyContent: "flex-start",
    textAlign: "left",
    height: "auto",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  body: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0, overflowWrap: "anywhere" },
  title: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXS },
  badge: { flexShrink: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
});

export function CellLinks({ groups, onSelect, label }: { groups: CellLinkGroup[]; onSelect: (link: CellLink) => void; label: string }) {
  const styles = useStyles();
  return (
    <section aria-label={label}>
      {groups.map((group) => (
        <div key={group.key} className={styles.group}>
          <Text as="h3" size={300} className={styles.heading}>
            {group.heading}
          </Text>
          <ul className={styles.list}>
            {group.links.map((link) => (
              <li key={link.key}>
                <Button appearance="subtle" className={styles.link} onClick={() => onSelect(link)}>
                  <span className={styles.body}>
                    <span className={styles.title}>
                      <Badge className={styles.badge} size="small" appearance="filled" color={link.severity === "error" ? "danger" : "warning"}>
                        {link.severity}
                      </Badge>
                      <Text weight="semibold" size={200}>
                        {`${link.title} · ${link.sheet}!${link.cell}`}
                      </Text>
                    </span>
                    <Text size={200}>{link.message}</Text>
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
