import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { anonymous, type Actor } from "../../platform/permissions/actor";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import type { Ctx } from "../../platform/context";
import { inTransaction } from "../../platform/context";
import { editionFor, editionForChange, partForChange } from "./for-change";
import { getEditionForStaff } from "./operations/read-editions";
import { deleteCluster } from "./operations/clusters";
import { clusters } from "./tables";
import { getRegistrationSettings, getDeskForm } from "../registration/operations/settings";
import { listRegistrations } from "../registration/operations/list";
import { getCallForStaff } from "../nominations/operations/call";
import { listAllNominees } from "../nominations/operations/overview";
import { getSelection, runSelectionProposal } from "../selection/operations/selection";
import { listAppeals } from "../selection/operations/appeals";
import { listReviewerAffiliations } from "../selection/operations/affiliations";
import { footfall } from "../checkin/operations/footfall";
import { checkinSetup } from "../checkin/operations/setup";
import { defaultProgramme, getB2bProgramme, setB2bProgramme } from "../b2b/operations/programme";
import { enrolExhibitors } from "../b2b/operations/participants";
import { grantZone, revokeZoneGrant, setZoneRules, zoneAccess } from "../checkin/operations/zone-access";
import { badgeAdmin, rotateBadgeKey } from "../checkin/operations/manage-badges";
import { setStaffQuota } from "../checkin/operations/staff-badges";
import { reissueEditionBadges } from "../checkin/operations/reissue-badges";
import { setRehearsal } from "../checkin/operations/rehearsal";
import { gateBundle } from "../checkin/operations/offline";
import { zoneGrants, zones } from "../checkin/tables";
import { insertApprovedRegistration } from "../checkin/fixtures";

// The one rule of "load the edition (or a part of it) and authorise" (features/editions/for-change.ts,
// platform/permissions/found.ts): whoever cannot hold the permission anywhere gets the same answer for a
// missing and an existing edition, so cannot tell whether it exists; organiser staff get not_found for a
// missing one and forbidden for another organiser's.

let t: TestDb;
let editionId: string;
let clusterId: string;
let grantId: string;
const missing = "00000000-0000-4000-8000-00000000dead";
beforeAll(async () => {
  t = await openTestDb();
  editionId = (await demoShow(t.db)).editionId;
  clusterId = (await t.db.select().from(clusters).where(eq(clusters.editionId, editionId)).limit(1))[0]!.id;
  const [zone] = await t.db.select().from(zones).where(eq(zones.editionId, editionId)).limit(1);
  const reg = await insertApprovedRegistration(t.db, editionId, { email: "found-rule@example.pk" });
  const own = ctxFor(t.db, await actorFor(t.db, demo.organiser));
  await grantZone(own, { editionId, registration: String(reg!.number), zoneId: zone!.id, reason: "For the access test" });
  grantId = (await t.db.select().from(zoneGrants).where(eq(zoneGrants.editionId, editionId)).limit(1))[0]!.id;
});
afterAll(async () => t?.close());

/** Organiser staff of an organiser that owns nothing in the demo. */
const otherStaff: Actor = {
  kind: "user",
  userId: randomUUID(),
  email: "staff@other-organiser.example.pk",
  name: "Other organiser",
  grants: [{ role: "organiser_staff", organiserId: randomUUID(), tradeBodyId: null, enterpriseId: null }],
};

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

// Each call refuses before it changes anything for the callers below.
const byEdition: Record<string, (ctx: Ctx, id: string) => Promise<unknown>> = {
  editionFor: (ctx, id) => editionFor(ctx.db, ctx.actor, id, "edition.update"),
  editionForChange: (ctx, id) => inTransaction(ctx, (tx) => editionForChange(tx, ctx.actor, id, "checkin.manage")),
  getEditionForStaff: (ctx, id) => getEditionForStaff(ctx, id),
  getRegistrationSettings: (ctx, id) => getRegistrationSettings(ctx, { editionId: id }),
  getDeskForm: (ctx, id) => getDeskForm(ctx, { editionId: id }),
  listRegistrations: (ctx, id) => listRegistrations(ctx, { editionId: id }),
  getCallForStaff: (ctx, id) => getCallForStaff(ctx, { editionId: id }),
  listAllNominees: (ctx, id) => listAllNominees(ctx, { editionId: id }),
  runSelectionProposal: (ctx, id) => runSelectionProposal(ctx, { editionId: id }),
  footfall: (ctx, id) => footfall(ctx, { editionId: id }),
  checkinSetup: (ctx, id) => checkinSetup(ctx, { editionId: id }),
  zoneAccess: (ctx, id) => zoneAccess(ctx, { editionId: id }),
  setZoneRules: (ctx, id) => setZoneRules(ctx, { editionId: id, rules: [] }),
  rotateBadgeKey: (ctx, id) => rotateBadgeKey(ctx, { editionId: id }),
  setStaffQuota: (ctx, id) => setStaffQuota(ctx, { editionId: id, enterpriseId: randomUUID(), quota: 1 }),
  reissueEditionBadges: (ctx, id) => reissueEditionBadges(ctx, { editionId: id }),
  setRehearsal: (ctx, id) => setRehearsal(ctx, { editionId: id, dayIndex: null }),
  getSelection: (ctx, id) => getSelection(ctx, { editionId: id }),
  listAppeals: (ctx, id) => listAppeals(ctx, { editionId: id }),
  listReviewerAffiliations: (ctx, id) => listReviewerAffiliations(ctx, { editionId: id }),
  badgeAdmin: (ctx, id) => badgeAdmin(ctx, { editionId: id }),
  getB2bProgramme: (ctx, id) => getB2bProgramme(ctx, { editionId: id }),
  setB2bProgramme: (ctx, id) => setB2bProgramme(ctx, { editionId: id, ...defaultProgramme(3) }),
  enrolExhibitors: (ctx, id) => enrolExhibitors(ctx, { editionId: id }),
};
const byPart: Record<string, (ctx: Ctx, existing: boolean) => Promise<unknown>> = {
  "partForChange (cluster)": (ctx, existing) =>
    inTransaction(ctx, async (tx) => {
      const [row] = await tx.select().from(clusters).where(eq(clusters.id, existing ? clusterId : missing));
      return partForChange(tx, ctx.actor, row, "cluster.write", "cluster");
    }),
  deleteCluster: (ctx, existing) => deleteCluster(ctx, { clusterId: existing ? clusterId : missing }),
  revokeZoneGrant: (ctx, existing) => revokeZoneGrant(ctx, { grantId: existing ? grantId : missing }),
};

describe("load an edition (or a part of it) and authorise: one rule everywhere", () => {
  it("anonymous callers and visitors get the same refusal for a missing and an existing edition", async () => {
    const visitor = ctxFor(t.db, await actorFor(t.db, demo.visitor));
    const anon = ctxFor(t.db, anonymous);
    for (const [name, call] of Object.entries(byEdition)) {
      expect([name, await code(call(anon, missing)), await code(call(anon, editionId))]).toEqual([name, "unauthenticated", "unauthenticated"]);
      expect([name, await code(call(visitor, missing)), await code(call(visitor, editionId))]).toEqual([name, "forbidden", "forbidden"]);
    }
    for (const [name, call] of Object.entries(byPart)) {
      expect([name, await code(call(anon, false)), await code(call(anon, true))]).toEqual([name, "unauthenticated", "unauthenticated"]);
      expect([name, await code(call(visitor, false)), await code(call(visitor, true))]).toEqual([name, "forbidden", "forbidden"]);
    }
  });

  it("gate staff asking for an organiser's page cannot tell either; for the gate's own data a missing edition is not_found", async () => {
    const gate = ctxFor(t.db, await actorFor(t.db, demo.gate));
    expect([await code(footfall(gate, { editionId: missing })), await code(footfall(gate, { editionId }))]).toEqual(["forbidden", "forbidden"]);
    expect(await code(gateBundle(gate, { editionId: missing }))).toBe("not_found");
    expect(await code(gateBundle(gate, { editionId }))).toBe("ok");
  });

  it("organiser staff get not_found for a missing edition and forbidden for another organiser's", async () => {
    const own = ctxFor(t.db, await actorFor(t.db, demo.organiser));
    const other = ctxFor(t.db, otherStaff);
    for (const [name, call] of Object.entries(byEdition)) {
      expect([name, await code(call(own, missing))]).toEqual([name, "not_found"]);
      expect([name, await code(call(other, missing)), await code(call(other, editionId))]).toEqual([name, "not_found", "forbidden"]);
    }
    for (const [name, call] of Object.entries(byPart)) {
      expect([name, await code(call(own, false))]).toEqual([name, "not_found"]);
      expect([name, await code(call(other, false)), await code(call(other, true))]).toEqual([name, "not_found", "forbidden"]);
    }
    expect((await editionFor(own.db, own.actor, editionId, "edition.update")).id).toBe(editionId);
  });
});
