import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { auditEntries } from "../../platform/audit/tables";
import { users } from "../../platform/auth/tables";
import { fixedClock } from "../../platform/clock";
import type { Actor } from "../../platform/permissions/actor";
import { applyForAward } from "./operations/entries";
import { addEvidence, evidenceFile, myAwardApplications, removeEvidence } from "./operations/evidence";
import { assignRound, myJudging } from "./operations/judging";
import { saveCategory, setJudge, setRound } from "./operations/setup";
import { AWARD_EVIDENCE_MAX_BYTES } from "./tables";

// An exhibitor's application with evidence files (issue #13, awards item 2): files checked by
// their first bytes and size, at most three per entry even when sent at once, read only by the
// exhibitor, the organiser and the judges the entry is assigned to, and frozen once judging starts.

let t: TestDb;
let editionId: string;
let categoryId: string;
let staff: Actor;
let exhibitor: Actor;
let judge: { id: string; actor: Actor };
const clock = fixedClock("2026-01-10T08:00:00Z");
const as = (actor: Actor) => ctxFor(t.db, actor, "en", clock);
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const refusal = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string; fields?: { code: string }[] }) => (e.code === "validation_failed" ? e.fields?.[0]?.code : e.code) ?? String(e));
const mine = async () => (await myAwardApplications(as(exhibitor))).categories.find((c) => c.category.id === categoryId)!;

beforeAll(async () => {
  t = await openTestDb();
  ({ editionId } = await demoShow(t.db));
  staff = await actorFor(t.db, demo.organiser);
  exhibitor = await actorFor(t.db, demo.exhibitor);
  const [u] = await t.db.select().from(users).where(eq(users.email, "reviewer4@demo.numaish.pk"));
  judge = { id: u!.id, actor: await actorFor(t.db, u!.email) };
  categoryId = (await saveCategory(as(staff), { editionId, slug: "t-evidence", nameEn: "Test evidence", nameUr: "آزمائشی ثبوت", entryMode: "application", winners: 1, runnersUp: 0 })).id;
});
afterAll(() => t?.close());

describe("applying with evidence", () => {
  it("lists the open application category for the exhibitor, takes its statement, then files by their bytes", async () => {
    const before = await mine();
    expect(before).toMatchObject({ open: true, ineligible: [], entry: null });
    const { enterpriseId } = await myAwardApplications(as(exhibitor));
    await applyForAward(as(exhibitor), { categoryId, enterpriseId, statement: "ISO 13485 certified since 2019; exports to Germany and the US." });
    const entry = (await mine()).entry!;
    expect(entry.statement).toContain("ISO 13485");

    // A web page named .pdf is refused by its bytes; so is a file over the size, or nothing.
    expect(await refusal(addEvidence(as(exhibitor), { entryId: entry.id, fileName: "sales.pdf", bytes: new TextEncoder().encode("<html>not a pdf</html>") }))).toBe("award_evidence_type");
    expect(await refusal(addEvidence(as(exhibitor), { entryId: entry.id, fileName: "big.pdf", bytes: new Uint8Array(AWARD_EVIDENCE_MAX_BYTES + 1) }))).toBe("award_evidence_too_large");
    expect(await refusal(addEvidence(as(exhibitor), { entryId: entry.id, fileName: "empty.pdf", bytes: new Uint8Array() }))).toBe("required");
    const first = await addEvidence(as(exhibitor), { entryId: entry.id, fileName: "سرٹیفکیٹ.pdf", bytes: pdf("certificate") });
    expect(first.contentType).toBe("application/pdf");
    expect((await addEvidence(as(exhibitor), { entryId: entry.id, fileName: "stall.png", bytes: png })).contentType).toBe("image/png");
    // Two more at once for the one place left: the entry's lock lets exactly one in.
    const race = await Promise.all([1, 2].map((i) => refusal(addEvidence(as(exhibitor), { entryId: entry.id, fileName: `letter-${i}.pdf`, bytes: pdf(`letter ${i}`) }))));
    expect(race.sort()).toEqual(["award_evidence_too_many", "ok"]);
    expect((await mine()).entry!.evidence.map((f) => f.fileName)).toEqual(expect.arrayContaining(["سرٹیفکیٹ.pdf", "stall.png"]));
    expect((await mine()).entry!.evidence).toHaveLength(3);
    const audited = await t.db.select().from(auditEntries).where(eq(auditEntries.action, "award.evidence_added"));
    expect(audited.filter((a) => a.entityId === entry.id)).toHaveLength(3);

    // Read back by the exhibitor and the organiser, byte for byte; anyone else is told it does not exist.
    const got = await evidenceFile(as(exhibitor), { evidenceId: first.id });
    expect(new TextDecoder().decode(got.bytes)).toContain("certificate");
    expect((await evidenceFile(as(staff), { evidenceId: first.id })).fileName).toBe("سرٹیفکیٹ.pdf");
    expect(await refusal(evidenceFile(as(await actorFor(t.db, demo.visitor)), { evidenceId: first.id }))).toBe("not_found");
    expect(await refusal(evidenceFile(ctxFor(t.db), { evidenceId: first.id }))).toBe("not_found");
    expect(await refusal(evidenceFile(as(judge.actor), { evidenceId: first.id }))).toBe("not_found");
    // Nobody but the exhibitor removes its files.
    expect(await refusal(removeEvidence(as(staff), { evidenceId: first.id }))).toBe("not_found");
    await removeEvidence(as(exhibitor), { evidenceId: first.id });
    expect((await mine()).entry!.evidence).toHaveLength(2);
  });

  it("freezes the files once judging starts, and shows them to the judges the entry is assigned to", async () => {
    const entry = (await mine()).entry!;
    const kept = entry.evidence[0]!;
    await setJudge(as(staff), { categoryId, round: "shortlist", userId: judge.id });
    await setRound(as(staff), { categoryId, round: "shortlist", status: "open" });
    await assignRound(as(staff), { categoryId, round: "shortlist" });
    expect((await mine()).open).toBe(false);
    expect(await refusal(addEvidence(as(exhibitor), { entryId: entry.id, fileName: "late.pdf", bytes: pdf("late") }))).toBe("award_not_open_for_applications");
    expect(await refusal(removeEvidence(as(exhibitor), { evidenceId: kept.id }))).toBe("award_not_open_for_applications");
    const seen = (await myJudging(as(judge.actor))).find((r) => r.category.id === categoryId)!.entries.find((e) => e.id === entry.id)!;
    expect(seen.evidence.map((f) => f.id)).toContain(kept.id);
    expect((await evidenceFile(as(judge.actor), { evidenceId: kept.id })).contentType).toBe(kept.contentType);
  });
});
