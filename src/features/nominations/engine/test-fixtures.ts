// Shared by the nomination row and spreadsheet tests.
export const clusters = [
  { id: "cl-surgical", slug: "sialkot-surgical", nameEn: "Sialkot Surgical Instruments", nameUr: "سیالکوٹ سرجیکل آلات" },
  { id: "cl-sports", slug: "sialkot-sports", nameEn: "Sialkot Sports Goods", nameUr: "سیالکوٹ کھیلوں کا سامان" },
];

export const goodValues = {
  enterpriseName: "Fatima Surgical Works",
  ntn: "1234567-8",
  cluster: "sialkot-surgical",
  sizeClass: "micro",
  annualTurnoverPkr: "25,000,000",
  employees: "12",
  womenLed: "yes",
  contactName: "Fatima Bibi",
  email: "fatima@example.pk",
  phone: "0300-1234567",
  district: "Sialkot",
};
