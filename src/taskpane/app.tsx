import { FluentProvider, makeStyles, Tab, TabList, Text, Title3, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { hostLimitations, officeThemeIsDark } from "../workbook/excel";
import { DeadlinesPage } from "./DeadlinesPage";
import { PayoutsPage } from "./PayoutsPage";
import { ReservePage } from "./ReservePage";
import { StatementsPage } from "./StatementsPage";
import { ValidatePage } from "./ValidatePage";

type Page = "validate" | "reserve" | "statements" | "payouts" | "deadlines";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalM },
  // Three tabs are wider than a 320 px pane: they wrap rather than scroll it sideways.
  tabs: { flexWrap: "wrap" },
});

function App({ dark }: { dark: boolean }) {
  const styles = useStyles();
  const [page, setPage] = useState<Page>("validate");
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">Deferred Compensation Plan</Title3>
        <TabList className={styles.tabs} size="small" selectedValue={page} onTabSelect={(_, data) => setPage(data.value as Page)} aria-label="Pages">
          <Tab value="validate">Validate elections</Tab>
          <Tab value="reserve">Share reserve</Tab>
          <Tab value="statements">Statements</Tab>
          <Tab value="payouts">Payouts</Tab>
          <Tab value="deadlines">Deadlines</Tab>
        </TabList>
        {hostLimitations().map((line) => (
          <Text key={line} as="p" size={200} role="note">
            {line}
          </Text>
        ))}
      </header>
      <main>
        {page === "validate" && <ValidatePage />}
        {page === "reserve" && <ReservePage />}
        {page === "statements" && <StatementsPage />}
        {page === "payouts" && <PayoutsPage />}
        {page === "deadlines" && <DeadlinesPage />}
      </main>
    </FluentProvider>
  );
}

export function mountApp(root: HTMLElement): void {
  createRoot(root).render(<App dark={officeThemeIsDark()} />);
}
