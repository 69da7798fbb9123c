// Data tables the demo enterprise generator (enterprises.ts) reads: which real trade bodies
// plausibly nominate a firm of a district, and English country names for descriptions.

// ---------------------------------------------------------------------------
// Nominating bodies by district
// ---------------------------------------------------------------------------

/** Chamber of the enterprise's own city. */
export const cityChamber: Record<string, string> = {
  Sialkot: "scci",
  Faisalabad: "fcci",
  Lahore: "lcci",
  Multan: "mcci",
  Karachi: "kcci",
  Swat: "swat-cci",
  Peshawar: "sarhad-cci",
  Gilgit: "gbcci",
};

/** Nearest listed chamber where the district has none of its own. */
export const regionalChamber: Record<string, string> = {
  Gujranwala: "scci", // Sialkot is in the same (Gujranwala) division
  Gujrat: "scci",
  Chiniot: "fcci", // Faisalabad division
  Sargodha: "fcci",
  Rawalpindi: "icci", // twin cities
  Matiari: "kcci",
  Hyderabad: "kcci",
  Umerkot: "kcci",
  Mirpurkhas: "kcci",
  Tharparkar: "kcci",
  Mardan: "sarhad-cci",
  Buner: "sarhad-cci",
  Chitral: "sarhad-cci",
  Khuzdar: "fpcci", // no Balochistan chamber in the list: the apex body
};

/** Women's chambers that plausibly nominate women-led firms of a district (none listed for Sindh). */
export const womenChambers: Record<string, string[]> = {
  Lahore: ["wcci-lahore"],
  Sialkot: ["wcci-lahore"],
  Gujranwala: ["wcci-lahore"],
  Gujrat: ["wcci-lahore"],
  Faisalabad: ["fwcci"],
  Chiniot: ["fwcci"],
  Sargodha: ["fwcci"],
  Multan: ["wcci-multan", "wcci-bahawalpur"],
  Rawalpindi: ["rwcci", "iwcci"],
  Peshawar: ["wcci-peshawar"],
  Mardan: ["wcci-peshawar"],
  Buner: ["wcci-peshawar"],
  Swat: ["wcci-peshawar"],
  Chitral: ["wcci-peshawar"],
  Khuzdar: ["wcci-quetta"],
  Gilgit: ["iwcci"],
};

// ---------------------------------------------------------------------------
// Country names for descriptions
// ---------------------------------------------------------------------------

export const countryNames: Record<string, string> = {
  AE: "the UAE", AF: "Afghanistan", AU: "Australia", AZ: "Azerbaijan", BD: "Bangladesh", BE: "Belgium",
  CA: "Canada", CN: "China", DE: "Germany", DZ: "Algeria", EG: "Egypt", ES: "Spain", FR: "France",
  GB: "the United Kingdom", HK: "Hong Kong", ID: "Indonesia", IN: "India", IT: "Italy", JP: "Japan",
  KE: "Kenya", KR: "South Korea", LK: "Sri Lanka", MY: "Malaysia", NG: "Nigeria", NL: "the Netherlands",
  OM: "Oman", PH: "the Philippines", QA: "Qatar", RU: "Russia", SA: "Saudi Arabia", SD: "Sudan",
  TH: "Thailand", TZ: "Tanzania", US: "the United States", UZ: "Uzbekistan", VN: "Vietnam", ZA: "South Africa",
};
