import { describe, expect, it } from "vitest";
import { DomainError } from "../platform/errors";
import { answerByLink, loadByLink } from "./answer-link";

// The loader and action that the pages answering by an emailed link share (answer-link.ts).

const get = (query = "") => new Request(`http://numaish.test/walk-up/tok${query}`);
const post = (fields: Record<string, string>) => {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  return new Request("http://numaish.test/walk-up/tok", { method: "POST", body });
};
const thrown = (p: Promise<unknown>) => p.then(() => "no error", (e: unknown) => e);

describe("loadByLink", () => {
  it("adds the answer just given when it is one of the page's, else null", async () => {
    const load = async () => ({ status: "proposed" });
    expect(await loadByLink(get("?done=confirmed"), ["confirmed", "declined"], load)).toEqual({ status: "proposed", done: "confirmed" });
    expect(await loadByLink(get("?done=1"), ["confirmed", "declined"], load)).toEqual({ status: "proposed", done: null });
    expect(await loadByLink(get(), ["1"], load)).toEqual({ status: "proposed", done: null });
  });

  it("answers an unknown link with 410 and a malformed one with 400", async () => {
    expect(await thrown(loadByLink(get(), ["1"], () => Promise.reject(new DomainError("token_invalid"))))).toMatchObject({ init: { status: 410 }, data: { code: "token_invalid" } });
    expect(await thrown(loadByLink(get(), ["1"], () => Promise.reject(new DomainError("validation_failed"))))).toMatchObject({ init: { status: 400 } });
  });
});

describe("answerByLink", () => {
  it("runs the answer with the posted form and redirects to the page saying what was done", async () => {
    let seen = "";
    const res = await answerByLink(post({ intent: "confirm" }), "en", {
      page: "/walk-up/a%20b",
      answer: async (form) => ({ status: (seen = String(form.get("intent"))) === "confirm" ? "confirmed" : "declined" }),
      done: (r) => r.status,
    });
    expect(seen).toBe("confirm");
    expect(res).toBeInstanceOf(Response);
    expect([(res as Response).status, (res as Response).headers.get("location")]).toEqual([302, "/walk-up/a%20b?done=confirmed"]);
  });

  it("keeps a refusal on the page: its status, translated text and what was typed", async () => {
    const res = await answerByLink(post({ intent: "decline", reason: "Not now" }), "ur", {
      page: "/b2b/answer/tok",
      answer: () => Promise.reject(new DomainError("token_invalid")),
      done: () => "declined",
    });
    expect(res).toMatchObject({ init: { status: 410 }, data: { ok: false, code: "token_invalid", values: { intent: "decline", reason: "Not now" } } });
    expect((res as { data: { message: string } }).data.message).toMatch(/[\u0600-\u06FF]/);
  });

  it("lets anything but a refusal through: a bug is not a form error", async () => {
    const bug = new Error("bug");
    expect(await thrown(answerByLink(post({}), "en", { page: "/outcome/tok", answer: () => Promise.reject(bug), done: () => "1" }))).toBe(bug);
  });
});
