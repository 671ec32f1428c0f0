/**
 * The documents layer as the task pane uses it: loaded on first use as its own
 * chunk (pdfkit, fontkit and the layouts stay out of the functions and the
 * app), its fonts fetched from the server beside taskpane.html, each only
 * when a document's text needs it (webpack.config.js copies them to fonts/).
 */
import type { FontLoader } from "../documents/fonts";

export const loadDocuments = () => import(/* webpackChunkName: "documents" */ "../documents");

export const fontsFromServer: FontLoader = async (file) => {
  const response = await fetch(new URL(`fonts/${file}`, document.baseURI));
  if (!response.ok) throw new Error(`The font ${file} could not be loaded (${response.status} ${response.statusText}); reload the add-in and try again.`);
  return new Uint8Array(await response.arrayBuffer());
};
