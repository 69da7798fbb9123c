// The browser-safe part of the nominations feature's public surface (`#features/nominations/client`): only
// modules that reach no server-only package, so pages and components may import it. Decision 0014.
export { PreferenceRule } from "./engine/call-rules";
export { groupsOf, inGroup, PreferenceGroup, preferenceGroups, SizeClass, sizeClasses } from "./engine/groups";
export { normalisePhone } from "./engine/rows";
export { limitedForm } from "./pages/body-limit";
export { defaultCriteria, MAX_PRODUCTS } from "./schemas";
