// Every table of every feature, gathered for Drizzle's relational queries and for
// drizzle-kit, which generates the SQL migrations in ./drizzle from this file.
export * from "../auth/tables";
export * from "../audit/tables";
export * from "../mail/tables";
export * from "../../features/editions/tables";
export * from "../../features/editions/enterprise-tables";
export * from "../../features/accounts/tables";
export * from "../../features/registration/tables";
export * from "../../features/checkin/tables";
export * from "../../features/nominations/tables";
export * from "../../features/b2b/tables";
export * from "../../features/floor/tables";
export * from "../../features/programme/tables";
export * from "../../features/exhibitors/tables";
export * from "../../features/meetday/tables";
export * from "../../features/baseline/tables";
export * from "../../features/awards/tables";
export * from "../../features/privacy/tables";
export * from "../../features/leads/tables";
