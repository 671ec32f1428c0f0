import { FluentProvider, Text, Title2, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

function App() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }}>
        <Title2 as="h1">Deferred Compensation Plan</Title2>
        <Text as="p">The DCP custom functions are loaded. Type =DCP. in a cell to see them.</Text>
      </main>
    </FluentProvider>
  );
}

export function mountApp(root: HTMLElement): void {
  createRoot(root).render(<App />);
}
