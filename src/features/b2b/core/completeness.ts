import type { exportReadiness, ParticipantKind } from "../tables";

// How complete a profile is, 0–100: the share of what its kind is asked for that is filled in
// (the organiser chases the emptiest; the anchors' top complaint is empty profiles). A text
// counts when either its English or its Urdu is written; a list when it has an entry; a ticket
// when either end is given. Pure: no I/O.

export interface ProfileFacts {
  offersEn: string;
  offersUr: string;
  needsEn: string;
  needsUr: string;
  productsEn: string;
  productsUr: string;
  lookingFor: string[];
  hsCodes: string[];
  volumes: string;
  certifications: string[];
  requiredCertifications: string[];
  markets: string[];
  country: string | null;
  languages: string[];
  sectors: string[];
  exportReadiness: (typeof exportReadiness)[number] | null;
  ticketMin: number | null;
  ticketMax: number | null;
  financingProducts: string[];
}

type Part = (p: ProfileFacts) => boolean;
const said = (en: keyof ProfileFacts, ur: keyof ProfileFacts): Part => (p) => String(p[en] ?? "").trim() !== "" || String(p[ur] ?? "").trim() !== "";
const listed = (k: keyof ProfileFacts): Part => (p) => (p[k] as string[]).length > 0;
const given = (k: keyof ProfileFacts): Part => (p) => p[k] !== null && String(p[k]).trim() !== "";
const ticket: Part = (p) => p.ticketMin !== null || p.ticketMax !== null;

/** What each kind is asked for, in the order a form shows it. */
export const profileParts: Record<ParticipantKind, Record<string, Part>> = {
  sme: {
    offers: said("offersEn", "offersUr"),
    products: said("productsEn", "productsUr"),
    hsCodes: listed("hsCodes"),
    lookingFor: listed("lookingFor"),
    languages: listed("languages"),
    certifications: listed("certifications"),
    markets: listed("markets"),
    exportReadiness: given("exportReadiness"),
  },
  buyer_procurement: {
    needs: said("needsEn", "needsUr"),
    products: said("productsEn", "productsUr"),
    hsCodes: listed("hsCodes"),
    volumes: given("volumes"),
    requiredCertifications: listed("requiredCertifications"),
    markets: listed("markets"),
    languages: listed("languages"),
  },
  investor: { needs: said("needsEn", "needsUr"), sectors: listed("sectors"), ticket, languages: listed("languages") },
  bank: { offers: said("offersEn", "offersUr"), financingProducts: listed("financingProducts"), sectors: listed("sectors"), ticket, languages: listed("languages") },
  development_partner: { offers: said("offersEn", "offersUr"), needs: said("needsEn", "needsUr"), sectors: listed("sectors"), languages: listed("languages") },
  foreign_mission: { country: given("country"), needs: said("needsEn", "needsUr"), sectors: listed("sectors"), languages: listed("languages") },
};

/** The completeness score and what is still missing, by the kind's parts. */
export function profileCompleteness(kind: ParticipantKind, p: ProfileFacts): { score: number; missing: string[] } {
  const parts = Object.entries(profileParts[kind]);
  const missing = parts.filter(([, filled]) => !filled(p)).map(([name]) => name);
  return { score: Math.round((100 * (parts.length - missing.length)) / parts.length), missing };
}

/** A profile with nothing filled in. */
export const emptyProfile: ProfileFacts = {
  offersEn: "",
  offersUr: "",
  needsEn: "",
  needsUr: "",
  productsEn: "",
  productsUr: "",
  lookingFor: [],
  hsCodes: [],
  volumes: "",
  certifications: [],
  requiredCertifications: [],
  markets: [],
  country: null,
  languages: [],
  sectors: [],
  exportReadiness: null,
  ticketMin: null,
  ticketMax: null,
  financingProducts: [],
};
