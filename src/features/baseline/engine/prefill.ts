import type { AnswerValue } from "./questions";

// What Numaish already knows about a firm, as suggested answers (issue #15, item 2: nobody types the
// same thing twice). Pure: the answering operation gathers the facts from the registry (the
// application's data) and the exhibitor profile, and shows a suggestion only where no answer is
// stored yet; the firm checks it and saves it like any answer.

export interface KnownFacts {
  foundedYear: number | null;
  ntn: string | null;
  womenLed: boolean;
  annualTurnoverPkr: number | null;
  certifications: string[];
  exportMarkets: string[];
  hsCodes: string[];
  website: string | null;
}

const certificationOptions: [RegExp, string][] = [
  [/9001/, "iso9001"],
  [/14001/, "iso14001"],
  [/\bCE\b/i, "ce"],
  [/halal/i, "halal"],
  [/psqca/i, "psqca"],
];

export function turnoverBand(pkr: number): string {
  if (pkr < 5e6) return "lt_5m";
  if (pkr < 25e6) return "5m_25m";
  if (pkr < 100e6) return "25m_100m";
  if (pkr <= 400e6) return "100m_400m";
  return "gt_400m";
}

export function prefillFrom(f: KnownFacts): Map<string, AnswerValue> {
  const out = new Map<string, AnswerValue>();
  if (f.foundedYear) out.set("firm.year_founded", f.foundedYear);
  if (f.ntn) out.set("firm.ntn_registered", true);
  if (f.womenLed) out.set("firm.women_owned", true);
  if (f.annualTurnoverPkr !== null) out.set("firm.turnover_band", turnoverBand(f.annualTurnoverPkr));
  const hs = [...new Set(f.hsCodes.filter((c) => /^\d{2,8}$/.test(c)))].slice(0, 20);
  if (hs.length) out.set("products.hs_codes", hs);
  const markets = [...new Set(f.exportMarkets.filter((c) => /^[A-Z]{2}$/.test(c)))];
  if (markets.length) {
    out.set("markets.exports", true);
    out.set("markets.export_markets", markets);
  }
  const certs = [...new Set(f.certifications.flatMap((c) => certificationOptions.filter(([re]) => re.test(c)).map(([, v]) => v)))];
  if (certs.length) out.set("markets.certifications", certs);
  if (f.website) out.set("connect.website", true);
  return out;
}
