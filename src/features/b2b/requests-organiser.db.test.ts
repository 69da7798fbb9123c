import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { actorFor, ctxFor, demo } from "../../../tests/support/db";
import { fixedClock } from "../../platform/clock";
import { anonymous } from "../../platform/permissions/actor";
import { onRequestAccepted, requestByAnswerToken, respondToRequest, sendRequest } from "./operations/requests";
import { bulkAcceptForDelegation, createMeetingDirect, expireRequests, requestStats } from "./operations/requests-organiser";
import { answerTokenIn, refusal, requestsWorld } from "./requests-fixtures";
import { b2bParticipants, b2bRequests } from "./tables";

// Meeting requests over time and by organisers: expiry with one reminder the day before (a moved
// clock), meetings created directly, a delegation's requests accepted in bulk, the counts.

let w: Awaited<ReturnType<typeof requestsWorld>>;
const anon = () => ctxFor(w.t.db);

beforeAll(async () => {
  w = await requestsWorld();
});

afterAll(async () => {
  await w?.t.close();
});

describe("expiry and the reminder", () => {
  it("reminds the recipient once about a day before, with a working link; then expires the request", async () => {
    const sme = await w.sme();
    const buyer = await w.buyer();
    const r = await sendRequest(anon(), { token: sme.token, to: buyer.id }); // expires 2026-01-13T08:00Z
    const clock = fixedClock("2026-01-11T08:00:00Z");
    const job = () => ctxFor(w.t.db, anonymous, "en", clock);
    // Two days before: nothing yet.
    expect(await expireRequests(job())).toMatchObject({ expired: 0, reminded: 0 });
    // 20 hours before: one reminder, only once however often the job runs.
    clock.set("2026-01-12T12:00:00Z");
    expect((await expireRequests(job())).reminded).toBeGreaterThanOrEqual(1);
    expect((await expireRequests(job())).reminded).toBe(0);
    const reminders = (await w.mailsTo(buyer.email)).filter((m) => m.kind === "b2b_request_reminder");
    expect(reminders).toHaveLength(1);
    const link = answerTokenIn(reminders[0]!.bodyText)!;
    expect((await respondToRequestAt(link, "2026-01-12T12:00:00Z")).status).toBe("pending");
    // Past the expiry: expired, and answering is refused.
    clock.set("2026-01-13T08:00:01Z");
    expect((await expireRequests(job())).expired).toBeGreaterThanOrEqual(1);
    const [row] = await w.t.db.select().from(b2bRequests).where(eq(b2bRequests.id, r.id));
    expect(row!.status).toBe("expired");
    expect(await refusal(respondToRequest(job(), { answerToken: link, decision: "accept" }))).toBe("b2b_request_expired");
    expect((await expireRequests(job())).expired).toBe(0);
  });
});

/** The answer link still opens the request (read only) at that time. */
async function respondToRequestAt(link: string, iso: string) {
  return (await requestByAnswerToken(ctxFor(w.t.db, anonymous, "en", fixedClock(iso)), { answerToken: link })).request;
}

describe("organisers", () => {
  it("create a meeting directly (accepted, audited, the hook told); only organisers; an accepted pair again is unchanged", async () => {
    const sme = await w.sme(false); // hosted: no opt-in needed
    const buyer = await w.buyer();
    const seen: string[] = [];
    const undo = onRequestAccepted(async (_db, _ctx, r) => {
      seen.push(r.id);
    });
    try {
      const exhibitor = ctxFor(w.t.db, await actorFor(w.t.db, demo.exhibitor));
      expect(await refusal(createMeetingDirect(exhibitor, { editionId: w.editionId, smeParticipantId: sme.id, buyerParticipantId: buyer.id }))).toBe("forbidden");
      expect(await refusal(createMeetingDirect(w.organiser(), { editionId: w.editionId, smeParticipantId: buyer.id, buyerParticipantId: sme.id }))).toBe("b2b_no_such_participant");
      const made = await createMeetingDirect(w.organiser(), { editionId: w.editionId, smeParticipantId: sme.id, buyerParticipantId: buyer.id, message: "Hosted buyer" });
      expect(made).toMatchObject({ created: true, request: { status: "accepted", message: "Hosted buyer" } });
      expect(seen).toEqual([made.request.id]);
      const again = await createMeetingDirect(w.organiser(), { editionId: w.editionId, smeParticipantId: sme.id, buyerParticipantId: buyer.id });
      expect(again).toMatchObject({ created: false, request: { id: made.request.id } });
      expect(await w.audits("b2b.request_created_direct", [made.request.id])).toHaveLength(1);
      expect((await w.mailsTo(buyer.email)).filter((m) => m.kind === "b2b_meeting_arranged")).toHaveLength(1);
    } finally {
      undo();
    }
  });

  it("bulk-accept a delegation's pending requests (to its leader and its members), not others'", async () => {
    const leader = await w.buyer({ code: "foreign_mission", kind: "foreign_mission" });
    const member = await w.buyer({ code: "foreign_mission", kind: "foreign_mission" });
    const outsider = await w.buyer();
    await w.t.db.update(b2bParticipants).set({ delegationLeaderId: leader.id }).where(eq(b2bParticipants.id, member.id));
    const [s1, s2, s3, s4] = [await w.sme(), await w.sme(), await w.sme(), await w.sme()];
    const toLeader = await sendRequest(anon(), { token: s1!.token, to: leader.id });
    const toMember = await sendRequest(anon(), { token: s2!.token, to: member.id });
    const toOutsider = await sendRequest(anon(), { token: s3!.token, to: outsider.id });
    const fromMember = await sendRequest(anon(), { token: member.token, to: s4!.id }); // sent by them: not theirs to accept
    const result = await bulkAcceptForDelegation(w.organiser(), { editionId: w.editionId, leaderParticipantId: leader.id });
    expect(result).toEqual({ accepted: 2, members: 2 });
    const status = async (id: string) => (await w.t.db.select().from(b2bRequests).where(eq(b2bRequests.id, id)))[0]!.status;
    expect([await status(toLeader.id), await status(toMember.id), await status(toOutsider.id), await status(fromMember.id)]).toEqual(["accepted", "accepted", "pending", "pending"]);
    expect((await w.audits("b2b.requests_bulk_accepted", [leader.id]))[0]!.data).toEqual(result);
    expect(await bulkAcceptForDelegation(w.organiser(), { editionId: w.editionId, leaderParticipantId: leader.id })).toEqual({ accepted: 0, members: 2 });
    expect(await refusal(bulkAcceptForDelegation(anon(), { editionId: w.editionId, leaderParticipantId: leader.id }))).toBe("unauthenticated");
  });

  it("count the edition's requests per status and priority", async () => {
    const sme = await w.sme();
    const buyer = await w.buyer();
    const r = await sendRequest(anon(), { token: buyer.token, to: sme.id, priority: "must" });
    const before = await requestStats(w.organiser(), { editionId: w.editionId });
    await respondToRequest(anon(), { token: sme.token, requestId: r.id, decision: "decline" });
    const after = await requestStats(w.organiser(), { editionId: w.editionId });
    expect(after.byStatus.declined).toBe(before.byStatus.declined + 1);
    expect(after.byStatus.pending).toBe(before.byStatus.pending - 1);
    expect(after.total).toBe(Object.values(after.byStatus).reduce((a, b) => a + b, 0));
    expect(after.byPriority.must).toBeGreaterThanOrEqual(1);
    expect(await refusal(requestStats(ctxFor(w.t.db, await actorFor(w.t.db, demo.visitor)), { editionId: w.editionId }))).toBe("forbidden");
  });
});
