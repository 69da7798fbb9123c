// The browser-safe part of the registration feature's public surface (`#features/registration/client`): only
// modules that reach no server-only package, so pages and components may import it. Decision 0014.
export type { BadgePort } from "./badge-port";
export { STAFF_CATEGORY, TRADE_CATEGORIES } from "./categories";
export { ManageView } from "./components/manage-view";
export { checkBox, checkRow } from "./components/person-fields";
export { dateAt } from "./core/past-days";
