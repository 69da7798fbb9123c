/** Small hand-made edition shared by the recommendation tests. */
import type { ParticipantInput } from "./schema";

export const sme = (id: string, extra: Partial<ParticipantInput> = {}): ParticipantInput => ({ id, side: "sme", ...extra });
export const buyer = (id: string, extra: Partial<ParticipantInput> = {}): ParticipantInput => ({ id, side: "buyer", ...extra });

/** A surgical-instrument maker from Sialkot and a German distributor that fit on every signal. */
export const surgicalSme = sme("sme-surgical", {
  enterpriseId: "ent-1",
  sectors: ["Surgical & medical"],
  clusters: ["Sialkot surgical instruments"],
  hsCodes: ["9018.90"],
  certifications: ["ISO 13485:2016"],
  exportReadiness: "regular",
  exportMarkets: ["DE", "GB"],
  languages: ["ur", "en"],
  offers: "Stainless steel surgical instruments: forceps, scissors and retractors. جراحی آلات",
  needs: "Distributors in Europe",
});

export const medBuyer = buyer("buyer-med", {
  enterpriseId: "ent-9",
  sectors: ["surgical & medical"],
  clusters: ["Sialkot Surgical Instruments"],
  hsCodes: ["901890"],
  requiredCertifications: ["ISO 13485", "CE marking"],
  country: "DE",
  markets: ["DE", "AT"],
  languages: ["de", "en"],
  needs: "We source surgical forceps and dental instruments for hospitals",
});
