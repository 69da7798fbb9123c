import { useSyncExternalStore } from "react";

// A page's progressive enhancement (docs/code-style.md, "Pages"): what only the script can do (a
// drag, a snap select) is drawn once the page runs in the browser; the server and a page without
// JavaScript draw the forms alone.

const noSubscribe = () => () => {};

/** True once the page runs in the browser (false on the server and while hydrating). */
export const useEnhanced = () => useSyncExternalStore(noSubscribe, () => true, () => false);
