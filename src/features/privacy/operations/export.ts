import type { Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { authorize } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { personalDataParts, type PersonalDataSubject } from "#features/editions";
import { z } from "zod";
import { subjectOfLink, subjectOfUser } from "./subject";

// "Download my data" (issue #15, part 7): everything Numaish holds about the person asking, one
// part per feature, as JSON and as a readable page. Only their own: a signed-in person's account
// and registrations, or the one registration of a manage link.

export interface PersonalDataExport {
  generatedAt: string;
  /** How the person was recognised: their account, or one registration's manage link. */
  via: "account" | "link";
  parts: Record<string, unknown>;
}

async function collect(db: Executor, subject: PersonalDataSubject, at: Date, via: PersonalDataExport["via"]): Promise<PersonalDataExport> {
  const parts: Record<string, unknown> = {};
  for (const part of personalDataParts()) parts[part.name] = await part.export(db, subject);
  // One JSON shape for the page, the download and the API (dates as ISO strings).
  return JSON.parse(JSON.stringify({ generatedAt: at.toISOString(), via, parts })) as PersonalDataExport;
}

/** The signed-in person's data. */
export async function exportOwnData(ctx: Ctx): Promise<PersonalDataExport> {
  authorize(ctx.actor, "session.signedIn");
  const userId = ctx.actor.kind === "user" ? ctx.actor.userId : "";
  const subject = await subjectOfUser(ctx.db, userId);
  authorize(ctx.actor, "privacy.exportOwn", { userId: subject.userId });
  return collect(ctx.db, subject, ctx.clock.now(), "account");
}

const linkInput = z.strictObject({ token: z.string().min(20).max(100) });

/** A registrant's data through their manage link (the link is the credential). */
export async function exportLinkData(ctx: Ctx, raw: Input<typeof linkInput>): Promise<PersonalDataExport> {
  const { token } = parseInput(linkInput, raw);
  const { subject } = await subjectOfLink(ctx.db, token);
  return collect(ctx.db, subject, ctx.clock.now(), "link");
}
