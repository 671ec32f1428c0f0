/** Whether Office shows a dark theme, from `Office.context.officeTheme` (light when unknown). */
export function officeThemeIsDark(): boolean {
  const theme = (typeof Office !== "undefined" ? Office.context?.officeTheme : undefined) as
    { bodyBackgroundColor?: string; isDarkTheme?: boolean } | undefined;
  if (!theme) return false;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  const hex = /^#?([0-9a-f]{6})$/i.exec(theme.bodyBackgroundColor ?? "")?.[1];
  if (!hex) return false;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

/** Whether the pane runs in Excel on the Mac, whose task panes do not save blob downloads. */
export function hostCannotDownload(): boolean {
  const platform = typeof Office !== "undefined" ? Office.context?.diagnostics?.platform : undefined;
  return platform !== undefined && String(platform) === "Mac";
}
