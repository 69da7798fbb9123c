import { customType } from "drizzle-orm/pg-core";

/** A `bytea` column holding an uploaded file's bytes (photos, logos, evidence). */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });
