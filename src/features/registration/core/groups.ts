// Which visitor categories register as a delegation (one leader, several members at once).
// Categories are per edition and have no "delegation" setting in the database yet, so this is
// by category code, the same codes every edition copies: a foreign mission arrives as a
// delegation, and so do development partners' missions (donors, UN agencies). Making it an
// organiser's setting means a column on visitor_categories (a migration) and a checkbox on the
// registration settings page.
export const GROUP_CATEGORY_CODES: readonly string[] = ["foreign_mission", "development_partner"];

export const isGroupCategory = (code: string) => GROUP_CATEGORY_CODES.includes(code);
