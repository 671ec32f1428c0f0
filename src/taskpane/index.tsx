/**
 * The task pane bootstrap. It stays tiny so the custom functions (loaded just
 * before it on the same page) compute before any UI code is fetched; the React
 * app is a separate chunk loaded once Office is ready, and only inside Excel.
 */

/**
 * What the pane says where Office.js answers with no host (taskpane.html opened in a plain browser):
 * `Office.onReady` then resolves with `host: null` and no Excel API exists, so the app is not loaded.
 */
const OUTSIDE_EXCEL = "This add-in runs inside Excel: open it from the Home tab (Deferred Comp > DCP Plan).";

void Office.onReady(async (info) => {
  const root = document.getElementById("root");
  if (!root) return;
  if (info.host !== Office.HostType.Excel) {
    const line = document.createElement("p");
    line.setAttribute("role", "status");
    line.style.font = "14px 'Segoe UI', system-ui, sans-serif";
    line.textContent = OUTSIDE_EXCEL;
    root.appendChild(line);
    return;
  }
  const { mountApp } = await import(/* webpackChunkName: "app" */ "./app");
  mountApp(root);
});
