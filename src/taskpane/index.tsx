/**
 * The task pane bootstrap. It stays tiny so the custom functions (loaded just
 * before it on the same page) compute before any UI code is fetched; the React
 * app is a separate chunk loaded once Office is ready.
 */
void Office.onReady(async () => {
  const { mountApp } = await import(/* webpackChunkName: "app" */ "./app");
  const root = document.getElementById("root");
  if (root) mountApp(root);
});
