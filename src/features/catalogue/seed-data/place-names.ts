// Pure data, small on purpose: the public pages import it (and so ship it to the browser) to show
// the districts and cities the clusters name in English in Urdu script.

/** Urdu for every district and city used in this seed data (keyed by the English name used in the data). */
export const placeNamesUr: Record<string, string> = {
  Sialkot: "سیالکوٹ",
  Gujranwala: "گوجرانوالہ",
  Gujrat: "گجرات",
  Chiniot: "چنیوٹ",
  Faisalabad: "فیصل آباد",
  Lahore: "لاہور",
  Rawalpindi: "راولپنڈی",
  Sargodha: "سرگودھا",
  Multan: "ملتان",
  Bahawalpur: "بہاولپور",
  Islamabad: "اسلام آباد",
  Matiari: "مٹیاری",
  Hyderabad: "حیدرآباد",
  Umerkot: "عمرکوٹ",
  Mirpurkhas: "میرپورخاص",
  Tharparkar: "تھرپارکر",
  Karachi: "کراچی",
  Swat: "سوات",
  Mardan: "مردان",
  Buner: "بونیر",
  Peshawar: "پشاور",
  Chitral: "چترال",
  Khuzdar: "خضدار",
  Quetta: "کوئٹہ",
  Gilgit: "گلگت",
};
