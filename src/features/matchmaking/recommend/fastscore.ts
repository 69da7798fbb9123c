/**
 * The hot loop's version of `contributions` in signals.ts: the same sum,
 * computed on interned integer ids with no allocation, because at 2,000
 * participants per side shared sectors alone make millions of candidate
 * pairs. signals.ts stays the readable reference used to explain the
 * shortlisted pairs; a property test keeps the two equal.
 */
import type { RecommendOptions } from "./schema";
import { certificationKey, READINESS, reciprocalInterest, type Prepared } from "./signals";

/** Interns labels per kind ("sector", "cert", ...) to small integers. */
export class Vocabulary {
  private readonly kinds = new Map<string, Map<string, number>>();
  /** With a base: the base's ids are read, never added to; a label the base lacks gets a negative
   *  id of this vocabulary's own (it matches no one of the base's side). */
  constructor(private readonly base?: Vocabulary) {}
  ids(kind: string, keys: Iterable<string>): Int32Array {
    let map = this.kinds.get(kind);
    if (!map) this.kinds.set(kind, (map = new Map()));
    const shared = this.base?.kinds.get(kind);
    const out: number[] = [];
    for (const k of keys) {
      let id = shared?.get(k) ?? map.get(k);
      if (id === undefined) map.set(k, (id = this.base ? -1 - map.size : map.size));
      out.push(id);
    }
    return Int32Array.from(new Set(out)).sort();
  }
}

export interface Compact {
  sectors: Int32Array;
  clusters: Int32Array;
  certifications: Int32Array;
  required: Int32Array;
  languages: Int32Array;
  markets: Int32Array;
  /** HS prefixes per code as numbers; -1 when the code is too short for that level. */
  hs2: Int32Array;
  hs4: Int32Array;
  hs6: Int32Array;
  readiness: number;
}

const prefix = (code: string, n: number): number => (code.length >= n ? Number(code.slice(0, n)) : -1);

export function compact(x: Prepared, vocab: Vocabulary): Compact {
  const hs = x.p.hsCodes;
  return {
    sectors: vocab.ids("sector", x.sectors.keys()),
    clusters: vocab.ids("cluster", x.clusters.keys()),
    certifications: vocab.ids("cert", x.p.certifications.map(certificationKey)),
    required: vocab.ids("cert", x.p.requiredCertifications.map(certificationKey)),
    languages: vocab.ids("language", x.languages),
    markets: vocab.ids("market", x.markets),
    hs2: Int32Array.from(hs, (c) => prefix(c, 2)),
    hs4: Int32Array.from(hs, (c) => prefix(c, 4)),
    hs6: Int32Array.from(hs, (c) => prefix(c, 6)),
    readiness: READINESS[x.p.exportReadiness],
  };
}

/** How many ids two sorted arrays share. */
function sharedCount(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

function anyEqual(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    if (x < 0) continue;
    for (let j = 0; j < b.length; j++) if (b[j] === x) return true;
  }
  return false;
}

function certTerm(required: Int32Array, held: Int32Array, met: number, missing: number): number {
  const n = required.length;
  if (n === 0) return 0;
  const ok = sharedCount(required, held);
  return (met * ok - missing * (n - ok)) / n;
}

/** Sum of the weighted contributions for one (SME, buyer) pair; equal to summing `contributions`. */
export function fastBase(
  sme: Compact,
  buyer: Compact,
  smeInterest: number,
  buyerInterest: number,
  text: number,
  o: RecommendOptions,
): number {
  const w = o.weights;
  let sum = 0;
  if (smeInterest > 0 || buyerInterest > 0)
    sum += w.interest * reciprocalInterest(smeInterest, buyerInterest, o.oneSidedInterest);
  if (sharedCount(sme.sectors, buyer.sectors) > 0) sum += w.sector;
  if (sharedCount(sme.clusters, buyer.clusters) > 0) sum += w.cluster;
  if (anyEqual(sme.hs6, buyer.hs6)) sum += w.hs * o.hsCredit.subheading;
  else if (anyEqual(sme.hs4, buyer.hs4)) sum += w.hs * o.hsCredit.heading;
  else if (anyEqual(sme.hs2, buyer.hs2)) sum += w.hs * o.hsCredit.chapter;
  sum += w.text * Math.min(1, text);
  const sides = (buyer.required.length > 0 ? 1 : 0) + (sme.required.length > 0 ? 1 : 0);
  if (sides > 0) {
    const certs =
      certTerm(buyer.required, sme.certifications, w.certificationsMet, w.certificationsMissing) +
      certTerm(sme.required, buyer.certifications, w.certificationsMet, w.certificationsMissing);
    sum += certs / sides;
  }
  if (buyer.markets.length > 0) sum += w.exportReadiness * sme.readiness;
  if (sharedCount(sme.markets, buyer.markets) > 0) sum += w.marketExperience;
  if (sharedCount(sme.languages, buyer.languages) > 0) sum += w.language;
  else if (sme.languages.length > 0 && buyer.languages.length > 0) sum -= w.noSharedLanguage;
  return sum;
}
