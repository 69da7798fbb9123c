import type { ProfileFacts } from "./core/completeness";
import type { ParticipantKind, RequestStatus } from "./tables";

// The demo's meeting requests (issue #11, item 9), as pure data: driven by how well two profiles
// fit (HS headings one makes and the other sources, a sector one works in and the other invests
// in, finances or supports), drawn with a seeded generator, one per pair and at most the
// programme's cap per sender. Most are accepted, the rest declined, expired or still pending.

type Random = () => number;

export interface SeedSide {
  id: string;
  kind: ParticipantKind;
  facts: ProfileFacts;
  /** The exhibitor's sector (SME side only). */
  sector?: string;
}

export interface SeedRequest {
  sme: string;
  buyer: string;
  requestedBy: "sme" | "buyer";
  priority: "must" | "would_like";
  preferredDays: number[];
  status: RequestStatus;
  message: string;
  declineReason: string | null;
  /** Fraction of the window [0, 1) at which it was sent; the decision follows within 3 days. */
  at: number;
}

const headingsCache = new WeakMap<string[], Set<string>>();
/** The 4-digit headings of a list of HS codes (cached per list: the draw asks for them often). */
function headings(hs: string[]): Set<string> {
  let set = headingsCache.get(hs);
  if (!set) headingsCache.set(hs, (set = new Set(hs.map((h) => h.slice(0, 4)))));
  return set;
}

/** How well an exhibitor and a buyer-side participant fit: 0 for not at all. */
export function fit(sme: SeedSide, buyer: SeedSide): number {
  const made = headings(sme.facts.hsCodes);
  const sought = [...headings(buyer.facts.hsCodes)].filter((h) => made.has(h)).length;
  const inSector = sme.sector !== undefined && buyer.facts.sectors.includes(sme.sector) ? 1 : 0;
  const wantsMoney = sme.facts.lookingFor.includes("finance") || sme.facts.lookingFor.includes("investor");
  switch (buyer.kind) {
    case "buyer_procurement":
      return sought * 2;
    case "foreign_mission":
      return sought * 2 + inSector + (sme.facts.markets.includes(buyer.facts.country ?? "") ? 1 : 0);
    case "investor":
    case "bank":
      return inSector * (wantsMoney ? 3 : 1);
    case "development_partner":
      return inSector;
    default:
      return 0;
  }
}

/** How many requests a buyer-side participant sends, by kind: [fewest, most]. */
const SENDS: Record<Exclude<ParticipantKind, "sme">, [number, number]> = {
  buyer_procurement: [3, 13],
  foreign_mission: [4, 12],
  investor: [2, 8],
  bank: [0, 4],
  development_partner: [1, 5],
};

const MESSAGES = {
  buyer: ["We would like to see your samples and discuss a trial order.", "Interested in your range for our next season.", "Could we discuss prices and lead times?", "آپ کی مصنوعات میں دلچسپی ہے، ملاقات میں تفصیل پر بات کریں۔"],
  sme: ["We would like to present our products and export prices.", "We are looking for a distributor and would value your advice.", "ہم اپنی مصنوعات اور قیمتیں پیش کرنا چاہتے ہیں۔", "We need working capital for a large order; could we discuss financing?"],
};
const DECLINES = ["Not sourcing this line this year.", "Our quota for this category is full.", "اس سال یہ مصنوعات درکار نہیں۔"];

function weightedPick(random: Random, items: { id: string; w: number }[]): number {
  const total = items.reduce((s, x) => s + x.w, 0);
  let r = random() * total;
  for (let i = 0; i < items.length; i++) if ((r -= items[i]!.w) < 0) return i;
  return items.length - 1;
}

/**
 * The requests between `smes` and `buyers`: each buyer-side participant sends a number of its kind
 * to the exhibitors that fit it best (drawn by fit), then exhibitors looking for buyers, finance or
 * partners send a few. One request per pair; nobody sends more than `maxSent`.
 */
export function demoRequests(random: Random, smes: SeedSide[], buyers: SeedSide[], maxSent: number): SeedRequest[] {
  const pairs = new Set<string>();
  const sent = new Map<string, number>();
  const out: SeedRequest[] = [];
  const add = (sme: SeedSide, buyer: SeedSide, by: "sme" | "buyer") => {
    const key = `${sme.id}|${buyer.id}`;
    const sender = by === "sme" ? sme.id : buyer.id;
    if (pairs.has(key) || (sent.get(sender) ?? 0) >= maxSent) return false;
    pairs.add(key);
    sent.set(sender, (sent.get(sender) ?? 0) + 1);
    const r = random();
    const status: RequestStatus = r < 0.86 ? "accepted" : r < 0.93 ? "declined" : r < 0.96 ? "expired" : "pending";
    const day = 1 + Math.floor(random() * 3);
    out.push({
      sme: sme.id,
      buyer: buyer.id,
      requestedBy: by,
      priority: random() < 0.3 ? "must" : "would_like",
      preferredDays: random() < 0.15 ? [day] : [],
      status,
      message: by === "sme" ? MESSAGES.sme[Math.floor(random() * MESSAGES.sme.length)]! : MESSAGES.buyer[Math.floor(random() * MESSAGES.buyer.length)]!,
      declineReason: status === "declined" && random() < 0.6 ? DECLINES[Math.floor(random() * DECLINES.length)]! : null,
      // Pending requests are the latest: sent in the window's last days.
      at: status === "pending" ? 0.9 + 0.09 * random() : 0.88 * random(),
    });
    return true;
  };
  for (const buyer of buyers) {
    const [lo, hi] = SENDS[buyer.kind as Exclude<ParticipantKind, "sme">] ?? [0, 0];
    let want = lo + Math.floor(random() * (hi - lo + 1));
    const candidates = smes.map((s) => ({ id: s.id, w: fit(s, buyer), s })).filter((c) => c.w > 0);
    while (want > 0 && candidates.length) {
      const [c] = candidates.splice(weightedPick(random, candidates), 1);
      if (add(c!.s, buyer, "buyer")) want--;
    }
  }
  for (const sme of smes) {
    const seeksMoney = sme.facts.lookingFor.includes("finance") || sme.facts.lookingFor.includes("investor");
    let want = Math.floor(random() * (sme.facts.markets.length > 0 ? 4 : 3)) + (seeksMoney ? 1 : 0);
    const candidates = buyers.map((b) => ({ id: b.id, w: fit(sme, b), b })).filter((c) => c.w > 0);
    while (want > 0 && candidates.length) {
      const [c] = candidates.splice(weightedPick(random, candidates), 1);
      if (add(sme, c!.b, "sme")) want--;
    }
  }
  return out;
}
