/** The category of exhibitors' staff: their badges come only from the exhibitor's staff-badge quota
 *  (checkin/operations/staff-badges.ts); the public form and the desk never offer it, and a holder
 *  may not change the name on it. */
export const STAFF_CATEGORY = "exhibitor_staff";
