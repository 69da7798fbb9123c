import { z } from "zod";
import { locales } from "../../platform/i18n/locales";

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email().max(254));
export const passwordField = z.string().min(10).max(200);
export const nameField = z.string().trim().min(1).max(120);
export const localeField = z.enum(locales);
