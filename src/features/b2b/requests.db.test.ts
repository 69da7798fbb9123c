import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { actorFor, ctxFor, demo } from "../../../tests/support/db";
import { fixedClock } from "../../platform/clock";
import { hashSecret } from "../../platform/ids";
import { translate } from "../../platform/i18n/translate";
import { anonymous } from "../../platform/permissions/actor";
import { editions, enterprises } from "#features/editions";
import { nominations } from "#features/nominations";
import { anonymisePerson } from "../privacy/operations/anonymise";
import { addStaff } from "./operations/meetings";
import { partiesOf } from "./operations/meeting-rows";
import { sendAccessLink, withdrawParticipant } from "./operations/participants";
import { updateMyProfile } from "./operations/profiles";
import { contactsVisible, editRequest, listMyRequests, requestByAnswerToken, respondToRequest, sendRequest, withdrawRequest } from "./operations/requests";
import { answerTokenIn, refusal, requestsWorld } from "./requests-fixtures";
import { b2bParticipants, b2bRequests } from "./tables";
import { invalid } from "../../../tests/support/invalid";

// Meeting requests between participants: sending (and every refusal with its code), the cap under
// concurrency, duplicates in both directions, answering from the page or the email link (idempotent
// under concurrency), editing and withdrawing, who sees what, and contact details only once accepted.

let w: Awaited<ReturnType<typeof requestsWorld>>;
const anon = () => ctxFor(w.t.db);
const NOWHERE = "00000000-0000-4000-8000-000000000000";

beforeAll(async () => {
  w = await requestsWorld();
});

afterAll(async () => {
  await w?.t.close();
});

describe("sending a request", () => {
  it("an exhibitor asks a buyer: pending with its expiry, the buyer emailed a link that answers it; audited", async () => {
    const sme = await w.sme();
    const buyer = await w.buyer();
    const r = await sendRequest(anon(), { token: sme.token, to: buyer.id, message: "We make surgical scissors.", priority: "must", preferredDays: [2, 1, 2] });
    expect(r).toMatchObject({ status: "pending", requestedBy: "sme", smeParticipantId: sme.id, buyerParticipantId: buyer.id, priority: "must", preferredDays: [1, 2] });
    // Three days (the programme's expiry) after the test clock.
    expect(r.expiresAt).toBe("2026-01-13T08:00:00.000Z");
    const [mail, ...more] = (await w.mailsTo(buyer.email)).filter((m) => m.kind.startsWith("b2b_"));
    expect(more).toEqual([]);
    expect(mail!.kind).toBe("b2b_request");
    expect(mail!.bodyText).toContain("We make surgical scissors.");
    const token = answerTokenIn(mail!.bodyText)!;
    const [row] = await w.t.db.select().from(b2bRequests).where(eq(b2bRequests.id, r.id));
    expect(row!.answerTokenHash).toBe(hashSecret(token));
    expect(await w.audits("b2b.request_sent", [r.id])).toHaveLength(1);
    expect(JSON.stringify(await w.audits("b2b.request_sent", [r.id]))).not.toContain(token);
  });

  it("refuses a target that is not visible with one code: missing, not opted in, withdrawn, not approved", async () => {
    const buyer = await w.buyer();
    const hidden = await w.sme(false);
    const gone = await w.sme();
    await withdrawParticipant(anon(), { token: gone.token });
    const unapproved = await w.sme();
    await w.t.db.update(b2bParticipants).set({ approved: false }).where(eq(b2bParticipants.id, unapproved.id));
    for (const to of [NOWHERE, hidden.id, gone.id, unapproved.id]) {
      expect(await refusal(sendRequest(anon(), { token: buyer.token, to }))).toBe("b2b_no_such_participant");
    }
    // Nor as a sender: a withdrawn participant sends nothing.
    const target = await w.sme();
    expect(await refusal(sendRequest(anon(), { token: gone.token, to: buyer.id }))).toBe("b2b_participant_withdrawn");
    // Same side, bad input, a bad link.
    const other = await w.buyer();
    expect(await refusal(sendRequest(anon(), { token: buyer.token, to: other.id }))).toBe("b2b_same_side");
    expect(await refusal(sendRequest(anon(), { token: buyer.token, to: target.id, message: "x".repeat(501) }))).toBe("validation_failed");
    expect(await refusal(sendRequest(anon(), invalid({ token: buyer.token, to: target.id, priority: "urgent" })))).toBe("validation_failed");
    expect(await refusal(sendRequest(anon(), { token: "y".repeat(32), to: target.id }))).toBe("token_invalid");
    // By account: only one's own participant.
    const visitor = ctxFor(w.t.db, await actorFor(w.t.db, demo.visitor));
    expect(await refusal(sendRequest(visitor, { participantId: buyer.id, to: target.id }))).toBe("forbidden");
    expect(await refusal(sendRequest(anon(), { participantId: buyer.id, to: target.id }))).toBe("unauthenticated");
  });

  it("refuses outside the window and while matchmaking is off", async () => {
    const sme = await w.sme();
    const buyer = await w.buyer();
    const at = (iso: string) => ctxFor(w.t.db, anonymous, "en", fixedClock(iso));
    expect(await refusal(sendRequest(at("2026-01-23T00:00:00Z"), { token: buyer.token, to: sme.id }))).toBe("b2b_window_closed");
    await w.setProgramme({ enabled: false });
    try {
      expect(await refusal(sendRequest(anon(), { token: buyer.token, to: sme.id }))).toBe("b2b_matchmaking_off");
    } finally {
      await w.setProgramme();
    }
  });

  it("refuses the same pair twice, in either direction, with b2b_request_duplicate", async () => {
    const sme = await w.sme();
    const buyer = await w.buyer();
    await sendRequest(anon(), { token: buyer.token, to: sme.id });
    expect(await refusal(sendRequest(anon(), { token: buyer.token, to: sme.id }))).toBe("b2b_request_duplicate");
    expect(await refusal(sendRequest(anon(), { token: sme.token, to: buyer.id }))).toBe("b2b_request_duplicate");
    // Both at once, from each side: one request, the other refused (by the pair index when the
    // two pass the check together), never a deadlock or a 500.
    for (let i = 0; i < 3; i++) {
      const a = await w.sme();
      const b = await w.buyer();
      const both = await Promise.all([refusal(sendRequest(anon(), { token: a.token, to: b.id })), refusal(sendRequest(anon(), { token: b.token, to: a.id }))]);
      expect(both.sort()).toEqual(["b2b_request_duplicate", "ok"]);
      expect(await w.t.db.select().from(b2bRequests).where(eq(b2bRequests.smeParticipantId, a.id))).toHaveLength(1);
    }
  });

  it("follows the programme's direction rule", async () => {
    const sme = await w.sme();
    const buyer = await w.buyer();
    await w.setProgramme({ requestDirection: "buyer_to_sme" });
    try {
      expect(await refusal(sendRequest(anon(), { token: sme.token, to: buyer.id }))).toBe("b2b_direction_not_allowed");
      expect((await sendRequest(anon(), { token: buyer.token, to: sme.id })).status).toBe("pending");
      await w.setProgramme({ requestDirection: "sme_to_buyer" });
      const other = await w.buyer();
      expect(await refusal(sendRequest(anon(), { token: other.token, to: sme.id }))).toBe("b2b_direction_not_allowed");
      expect((await sendRequest(anon(), { token: sme.token, to: other.id })).status).toBe("pending");
    } finally {
      await w.setProgramme();
    }
  });

  it("enforces the cap under concurrency: of N sends beyond it, exactly the cap succeed; a withdrawal frees one", async () => {
    await w.setProgramme({ maxRequestsSent: 3 });
    try {
      const buyer = await w.buyer();
      const smes = [];
      for (let i = 0; i < 6; i++) smes.push(await w.sme());
      const outcomes = await Promise.all(smes.map((s) => refusal(sendRequest(anon(), { token: buyer.token, to: s.id }))));
      expect(outcomes.filter((o) => o === "ok")).toHaveLength(3);
      expect(outcomes.filter((o) => o === "b2b_request_cap")).toHaveLength(3);
      const mine = await w.t.db.select().from(b2bRequests).where(eq(b2bRequests.buyerParticipantId, buyer.id));
      expect(mine).toHaveLength(3);
      // Requests received do not count; a withdrawn one frees its place.
      await withdrawRequest(anon(), { token: buyer.token, requestId: mine[0]!.id });
      const free = smes.find((s) => !mine.some((m) => m.smeParticipantId === s.id))!;
      expect((await sendRequest(anon(), { token: buyer.token, to: free.id })).status).toBe("pending");
    } finally {
      await w.setProgramme();
    }
  });
});

describe("answering", () => {
  it("concurrent accepts (page and email link) are one: the same request, one audit, one email to the sender", async () => {
    const sme = await w.sme();
    const buyer = await w.buyer({ locale: "ur" });
    const sent = await sendRequest(anon(), { token: buyer.token, to: sme.id, message: "Let us talk." });
    // The exhibitor has no email in the demo; make the buyer the recipient instead for the link.
    const other = await w.sme();
    const toBuyer = await sendRequest(anon(), { token: other.token, to: buyer.id });
    const link = answerTokenIn((await w.mailsTo(buyer.email)).find((m) => m.kind === "b2b_request")!.bodyText)!;

    const answers = await Promise.all([
      respondToRequest(anon(), { answerToken: link, decision: "accept" }),
      respondToRequest(anon(), { token: buyer.token, requestId: toBuyer.id, decision: "accept" }),
      respondToRequest(anon(), { answerToken: link, decision: "accept" }),
    ]);
    expect(answers.map((a) => [a.id, a.status])).toEqual([
      [toBuyer.id, "accepted"],
      [toBuyer.id, "accepted"],
      [toBuyer.id, "accepted"],
    ]);
    expect(new Set(answers.map((a) => a.decidedAt)).size).toBe(1);
    expect(await w.audits("b2b.request_accepted", [toBuyer.id])).toHaveLength(1);
    // A decided request is not flipped.
    expect(await refusal(respondToRequest(anon(), { answerToken: link, decision: "decline" }))).toBe("b2b_request_decided");

    // The exhibitor accepts the buyer's request: the buyer (the sender) is emailed in Urdu, once.
    await Promise.all([1, 2].map(() => respondToRequest(anon(), { token: sme.token, requestId: sent.id, decision: "accept" })));
    const accepted = (await w.mailsTo(buyer.email)).filter((m) => m.kind === "b2b_request_accepted");
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.subject).toMatch(/[\u0600-\u06FF]/);
    expect(await w.audits("b2b.request_accepted", [sent.id])).toHaveLength(1);
  });

  it("the email link shows the request without signing in and declines it with a reason; the sender learns why", async () => {
    const sme = await w.sme();
    const buyer = await w.buyer();
    const r = await sendRequest(anon(), { token: sme.token, to: buyer.id, message: "Textiles for you" });
    const link = answerTokenIn((await w.mailsTo(buyer.email)).find((m) => m.kind === "b2b_request")!.bodyText)!; // by kind: the clock is fixed, so createdAt does not order the mails
    const view = await requestByAnswerToken(anon(), { answerToken: link });
    expect(view).toMatchObject({ request: { id: r.id, status: "pending", message: "Textiles for you" }, from: { id: sme.id, side: "sme" }, to: { id: buyer.id } });
    expect(JSON.stringify(view)).not.toContain("@");
    const declined = await respondToRequest(anon(), { answerToken: link, decision: "decline", reason: "Not our sector" });
    expect(declined).toMatchObject({ status: "declined", declineReason: "Not our sector" });
    expect(await refusal(requestByAnswerToken(anon(), { answerToken: "z".repeat(32) }))).toBe("token_invalid");
    expect(await refusal(respondToRequest(anon(), { answerToken: "z".repeat(32), decision: "accept" }))).toBe("token_invalid");
  });

  it("only the recipient answers; a sender, a stranger or a wrong id gets b2b_no_such_request; expired is refused", async () => {
    const sme = await w.sme();
    const buyer = await w.buyer();
    const stranger = await w.buyer();
    const r = await sendRequest(anon(), { token: buyer.token, to: sme.id });
    expect(await refusal(respondToRequest(anon(), { token: buyer.token, requestId: r.id, decision: "accept" }))).toBe("b2b_no_such_request");
    expect(await refusal(respondToRequest(anon(), { token: stranger.token, requestId: r.id, decision: "accept" }))).toBe("b2b_no_such_request");
    expect(await refusal(respondToRequest(anon(), { token: sme.token, requestId: NOWHERE, decision: "accept" }))).toBe("b2b_no_such_request");
    expect(await refusal(withdrawRequest(anon(), { token: stranger.token, requestId: r.id }))).toBe("b2b_no_such_request");
    expect(await refusal(editRequest(anon(), { token: sme.token, requestId: r.id, message: "x" }))).toBe("b2b_no_such_request");
    const later = ctxFor(w.t.db, anonymous, "en", fixedClock("2026-01-13T08:00:00Z"));
    expect(await refusal(respondToRequest(later, { token: sme.token, requestId: r.id, decision: "accept" }))).toBe("b2b_request_expired");
  });
});

describe("the sender's changes, the lists, contact details", () => {
  it("the sender edits and withdraws a pending request (idempotent); an answered one cannot be changed; a withdrawn one may be sent again", async () => {
    const sme = await w.sme();
    const buyer = await w.buyer();
    const r = await sendRequest(anon(), { token: buyer.token, to: sme.id, message: "first" });
    const edited = await editRequest(anon(), { token: buyer.token, requestId: r.id, message: "second", priority: "must", preferredDays: [3] });
    expect(edited).toMatchObject({ message: "second", priority: "must", preferredDays: [3], status: "pending" });
    expect((await w.audits("b2b.request_edited", [r.id]))[0]!.data).toEqual({ changed: ["message", "priority", "preferredDays"] });
    const w1 = await withdrawRequest(anon(), { token: buyer.token, requestId: r.id });
    const w2 = await withdrawRequest(anon(), { token: buyer.token, requestId: r.id });
    expect([w1.status, w2.status]).toEqual(["withdrawn", "withdrawn"]);
    expect(await w.audits("b2b.request_withdrawn", [r.id])).toHaveLength(1);
    expect(await refusal(editRequest(anon(), { token: buyer.token, requestId: r.id, message: "third" }))).toBe("b2b_request_decided");
    // Sent again: the same pair's request, pending again (either side may renew it).
    const again = await sendRequest(anon(), { token: sme.token, to: buyer.id, message: "renewed" });
    expect(again).toMatchObject({ id: r.id, status: "pending", requestedBy: "sme", message: "renewed" });
    await respondToRequest(anon(), { token: buyer.token, requestId: r.id, decision: "decline" });
    expect(await refusal(withdrawRequest(anon(), { token: sme.token, requestId: r.id }))).toBe("b2b_request_decided");
  });

  it("each lists only its own requests; contact details of the other only once accepted", async () => {
    const sme = await w.sme();
    const buyer = await w.buyer();
    const stranger = await w.buyer();
    const r = await sendRequest(anon(), { token: buyer.token, to: sme.id, message: "hello" });
    const before = await listMyRequests(anon(), { token: sme.token });
    expect(before.outgoing).toEqual([]);
    expect(before.incoming).toHaveLength(1);
    expect(before.incoming[0]).toMatchObject({ id: r.id, status: "pending", message: "hello", other: { id: buyer.id, side: "buyer", kind: "buyer_procurement", organisation: expect.stringMatching(/^Org /) }, contact: null });
    expect(JSON.stringify(before)).not.toContain(buyer.email);
    expect(await contactsVisible(w.t.db, sme.id, buyer.id)).toBe(false);
    expect((await listMyRequests(anon(), { token: stranger.token })).incoming).toEqual([]);
    expect(await refusal(listMyRequests(ctxFor(w.t.db, await actorFor(w.t.db, demo.visitor)), { participantId: sme.id }))).toBe("forbidden");

    await respondToRequest(anon(), { token: sme.token, requestId: r.id, decision: "accept" });
    expect(await contactsVisible(w.t.db, buyer.id, sme.id)).toBe(true);
    const after = await listMyRequests(anon(), { token: sme.token });
    expect(after.incoming[0]).toMatchObject({ status: "accepted", contact: { email: buyer.email, phone: "+923001234567" } });
    const theirs = await listMyRequests(anon(), { token: buyer.token });
    expect(theirs.outgoing[0]).toMatchObject({ id: r.id, status: "accepted", other: { id: sme.id, side: "sme" } });
    expect(theirs.outgoing[0]!.contact).not.toBeNull();
  });
});

describe("where an exhibitor is written to (contactOf)", () => {
  const subjectFor = async (locale: "en" | "ur", buyerNo: string) => {
    const [e] = await w.t.db.select({ nameEn: editions.nameEn, nameUr: editions.nameUr }).from(editions).where(eq(editions.id, w.editionId));
    return translate(locale, "b2b.email.request.subject", { from: `Buyer ${buyerNo} (Org ${buyerNo})`, edition: locale === "ur" ? e!.nameUr : e!.nameEn });
  };
  const contactEmailOf = async (participantId: string) => {
    const [row] = await w.t.db
      .select({ email: nominations.email })
      .from(b2bParticipants)
      .innerJoin(enterprises, eq(enterprises.id, b2bParticipants.enterpriseId))
      .innerJoin(nominations, and(eq(nominations.ntn, enterprises.ntn), eq(nominations.editionId, b2bParticipants.editionId)))
      .where(eq(b2bParticipants.id, participantId));
    return row?.email ?? null;
  };
  const numberOf = (email: string) => /req-buyer-(\d+)@/.exec(email)![1]!;

  it("a request to a demo exhibitor is emailed to its application's contact, in the exhibitor's language", async () => {
    // A demo exhibitor that applied in Urdu (enrolled in its application's language), not one the
    // fixture's sme() hands out first; the organiser emails it its link, with which it opts in.
    const [sme] = await w.t.db
      .select()
      .from(b2bParticipants)
      .where(and(eq(b2bParticipants.editionId, w.editionId), eq(b2bParticipants.side, "sme"), eq(b2bParticipants.locale, "ur")))
      .orderBy(desc(b2bParticipants.id))
      .limit(1);
    expect(sme, "an exhibitor enrolled in Urdu, its application's language").toBeDefined();
    const contact = await contactEmailOf(sme!.id);
    expect(contact, "the demo's applications carry a fictional contact email").toMatch(/@exhibitors\.demo\.numaish\.pk$/);
    expect(await sendAccessLink(w.organiser(), { participantId: sme!.id })).toEqual({ sent: true });
    const [link] = (await w.mailsTo(contact!)).filter((m) => m.kind === "b2b_access_link");
    expect(link!.subject).toMatch(/[\u0600-\u06FF]/);
    await updateMyProfile(anon(), { token: /\/b2b\/([\w-]+)/.exec(link!.bodyText)![1]!, optedIn: true, profile: {} });
    const buyer = await w.buyer();
    await sendRequest(anon(), { token: buyer.token, to: sme!.id, message: "Your surgical scissors, please." });
    const mails = (await w.mailsTo(contact!)).filter((m) => m.kind === "b2b_request");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(await subjectFor("ur", numberOf(buyer.email)));
    expect(mails[0]!.bodyText).toContain("Your surgical scissors, please.");
    expect(answerTokenIn(mails[0]!.bodyText)).toBeDefined();
  });

  it("without an application contact: its first B2B staff member with an email, else its account holder", async () => {
    const exhibitor = await actorFor(w.t.db, demo.exhibitor);
    const enterpriseId = exhibitor.kind === "user" ? exhibitor.grants.find((g) => g.role === "exhibitor")!.enterpriseId! : "";
    const [own] = await w.t.db.select().from(b2bParticipants).where(and(eq(b2bParticipants.editionId, w.editionId), eq(b2bParticipants.enterpriseId, enterpriseId)));
    const contact = await contactEmailOf(own!.id);
    expect(contact).toMatch(/@exhibitors\.demo\.numaish\.pk$/);
    await updateMyProfile(ctxFor(w.t.db, exhibitor), { participantId: own!.id, optedIn: true, profile: {} });
    // The application's contact asks to be erased: the application keeps no email.
    await anonymisePerson(w.organiser(), { editionId: w.editionId, email: contact!, confirm: true });
    expect(await contactEmailOf(own!.id)).toBeNull();

    // Its account holder gets the request, in the exhibitor's language.
    const first = await w.buyer();
    await sendRequest(anon(), { token: first.token, to: own!.id });
    const toHolder = (await w.mailsTo(demo.exhibitor)).filter((m) => m.kind === "b2b_request");
    expect(toHolder).toHaveLength(1);
    expect(toHolder[0]!.subject).toBe(await subjectFor(own!.locale, numberOf(first.email)));
    // The meeting pages, the meeting day and the schedule's emails reach it at the same address.
    const reached = async () => (await partiesOf(w.t.db, [own!.id])).get(own!.id)?.email;
    expect(await reached()).toBe(demo.exhibitor);

    // Once it names staff who hold its meetings, the first of them with an email gets the next.
    const ctx = ctxFor(w.t.db, exhibitor);
    await addStaff(ctx, { participantId: own!.id, name: "No Email Staff" });
    await addStaff(ctx, { participantId: own!.id, name: "Meetings Desk", email: "meetings-desk@exhibitors.demo.numaish.pk" });
    await addStaff(ctx, { participantId: own!.id, name: "Later Staff", email: "later-staff@exhibitors.demo.numaish.pk" });
    const second = await w.buyer();
    await sendRequest(anon(), { token: second.token, to: own!.id });
    const toStaff = (await w.mailsTo("meetings-desk@exhibitors.demo.numaish.pk")).filter((m) => m.kind === "b2b_request");
    expect(toStaff).toHaveLength(1);
    expect(toStaff[0]!.subject).toBe(await subjectFor(own!.locale, numberOf(second.email)));
    expect(await w.mailsTo("later-staff@exhibitors.demo.numaish.pk")).toEqual([]);
    expect(await reached()).toBe("meetings-desk@exhibitors.demo.numaish.pk");
    expect((await w.mailsTo(demo.exhibitor)).filter((m) => m.kind === "b2b_request")).toHaveLength(1);
  });
});
