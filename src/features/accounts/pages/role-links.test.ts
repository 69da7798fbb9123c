import { describe, expect, it } from "vitest";
import type { Actor, Grant, Role } from "../../../platform/permissions/actor";
import { accountRoleLinks, headerRoleLinks, landingPath } from "./role-links";

const org = "00000000-0000-0000-0000-000000000001";
const user = (...roles: Role[]): Actor => ({
  kind: "user",
  userId: "u",
  email: "u@example.com",
  name: "U",
  grants: roles.map((role): Grant => ({ role, organiserId: org, tradeBodyId: role === "trade_body_rep" ? "tb" : null, enterpriseId: role === "exhibitor" ? "e" : null })),
});
const to = (links: { to: string }[]) => links.map((l) => l.to);

describe("role links from grants", () => {
  it("give each role its pages", () => {
    expect(to(headerRoleLinks(user("gate_staff")))).toEqual(["/gate"]);
    expect(to(accountRoleLinks(user("gate_staff"), "ed"))).toEqual(["/gate", "/desk/editions/ed/walk-in"]);
    // Lounge staff: the lounge board only (no gate, no desk).
    expect(to(headerRoleLinks(user("lounge_staff")))).toEqual(["/lounge"]);
    expect(to(accountRoleLinks(user("lounge_staff"), null))).toEqual(["/lounge"]);
    expect(landingPath(user("lounge_staff"))).toBe("/lounge");
    expect(to(headerRoleLinks(user("trade_body_rep")))).toEqual(["/nominations"]);
    expect(to(headerRoleLinks(user("reviewer")))).toEqual(["/review"]);
    expect(to(headerRoleLinks(user("exhibitor")))).toEqual(["/account/exhibitor"]);
    expect(to(accountRoleLinks(user("exhibitor"), null))).toEqual(["/account/exhibitor", "/account/staff-badges"]);
    expect(to(accountRoleLinks(user("organiser_staff"), "ed"))).toEqual(["/back-office", "/gate", "/desk/editions/ed/walk-in"]);
  });

  it("give nothing to visitors and anonymous callers, and no desk without an edition", () => {
    expect(headerRoleLinks(user("visitor"))).toEqual([]);
    expect(accountRoleLinks(user("visitor"), null)).toEqual([]);
    expect(headerRoleLinks({ kind: "anonymous" })).toEqual([]);
    expect(to(accountRoleLinks(user("gate_staff"), null))).toEqual(["/gate"]);
  });

  it("combine several roles without repeating a page", () => {
    const links = to(accountRoleLinks(user("gate_staff", "reviewer", "organiser_staff"), "ed"));
    expect(links).toEqual(["/back-office", "/gate", "/desk/editions/ed/walk-in", "/review"]);
    expect(new Set(links).size).toBe(links.length);
  });

  it("land sign-in on the person's own work: back office, else the one role page, else home", () => {
    expect(landingPath(user("organiser_staff"))).toBe("/back-office");
    expect(landingPath(user("platform_admin"))).toBe("/back-office");
    expect(landingPath(user("gate_staff"))).toBe("/gate");
    expect(landingPath(user("reviewer"))).toBe("/review");
    expect(landingPath(user("trade_body_rep"))).toBe("/nominations");
    expect(landingPath(user("exhibitor"))).toBe("/account/exhibitor");
    expect(landingPath(user("visitor"))).toBe("/");
  });
});
