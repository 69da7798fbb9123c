/** The category of exhibitors' staff: their badges come only from the exhibitor's staff-badge quota
 *  (checkin/operations/staff-badges.ts); the public form and the desk never offer it, and a holder
 *  may not change the name on it. */
export const STAFF_CATEGORY = "exhibitor_staff";

/** The trade categories: the visitors who may take part in B2B matchmaking on the buyer side once
 *  approved (b2b decides with which kinds; regulators only where the organiser allows them). The
 *  registrant's page links them to the join page. */
export const TRADE_CATEGORIES: readonly string[] = ["corporate_buyer", "procurement_head", "financial_institution", "development_partner", "foreign_mission", "regulatory_stakeholder"];
