// The call form's flat fields ↔ the structured input of saveCall. Times are
// typed in Pakistan time (UTC+5, no daylight saving), as organisers think of them.

const PKT_OFFSET = "+05:00";

export function toLocalInput(d: Date | string): string {
  const t = new Date(new Date(d).getTime() + 5 * 3_600_000);
  return t.toISOString().slice(0, 16);
}

const fromLocalInput = (v: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? `${v}:00${PKT_OFFSET}` : v);
const num = (v: FormDataEntryValue | null) => (v === null || String(v).trim() === "" ? undefined : Number(String(v).trim()));
const percent = (v: FormDataEntryValue | null) => {
  const n = num(v);
  return n === undefined || Number.isNaN(n) ? n : n / 100;
};
const lines = (v: FormDataEntryValue | null) =>
  String(v ?? "")
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);

export function callInputFromForm(editionId: string, form: FormData) {
  const criteria = [];
  for (let i = 0; form.has(`crit.${i}.id`); i++) {
    criteria.push({
      id: String(form.get(`crit.${i}.id`)),
      nameEn: String(form.get(`crit.${i}.nameEn`) ?? ""),
      nameUr: String(form.get(`crit.${i}.nameUr`) ?? ""),
      weight: num(form.get(`crit.${i}.weight`)),
      guidanceEn: lines(form.get(`crit.${i}.guidanceEn`)),
      guidanceUr: lines(form.get(`crit.${i}.guidanceUr`)),
    });
  }
  const quotas: { tradeBodyId: string; quota: number | undefined }[] = [];
  const clusterTargets: { clusterId: string; places: number | undefined }[] = [];
  const sectorTargets: { sectorId: string; places: number | undefined }[] = [];
  for (const [k, v] of form.entries()) {
    if (k.startsWith("quota.")) quotas.push({ tradeBodyId: k.slice(6), quota: num(v) });
    if (k.startsWith("target.") && String(v).trim() !== "") clusterTargets.push({ clusterId: k.slice(7), places: num(v) });
    if (k.startsWith("sectorTarget.") && String(v).trim() !== "") sectorTargets.push({ sectorId: k.slice(13), places: num(v) });
  }
  const waitlist = num(form.get("waitlistPerCluster"));
  return {
    editionId,
    opensAt: fromLocalInput(String(form.get("opensAt") ?? "")),
    closesAt: fromLocalInput(String(form.get("closesAt") ?? "")),
    totalStalls: num(form.get("totalStalls")),
    reviewsPerApplication: num(form.get("reviewsPerApplication")),
    appealDays: num(form.get("appealDays")),
    criteria,
    quotas,
    clusterTargets,
    sectorTargets,
    rule: {
      bonus: { womenLed: num(form.get("bonusWomenLed")) ?? 0, micro: num(form.get("bonusMicro")) ?? 0, womenLedMicro: num(form.get("bonusWomenLedMicro")) ?? 0 },
      reservedShare: {
        womenLedMicro: percent(form.get("shareWomenLedMicro")) ?? 0,
        womenLed: percent(form.get("shareWomenLed")) ?? 0,
        micro: percent(form.get("shareMicro")) ?? 0,
      },
      minimumScore: num(form.get("minimumScore")) ?? 0,
      waitlistPerCluster: waitlist === undefined ? null : waitlist,
    },
  };
}
