// The SME baseline (issue #15, "Speed"): the organiser's baseline dashboard over 10,000 enterprises
// × 3 editions with ~100 indicators each (target: under 300 ms server time on PostgreSQL), and
// saving one survey section as an exhibitor (target: p95 under 50 ms).
//
//   TEST_DATABASE_URL=postgres://… npm run bench:baseline   a scratch PostgreSQL database next to
//                                                          the one in the URL, dropped afterwards
//   (DATABASE_URL works the same; with neither, the embedded PGlite)
//   options: --enterprises 10000 --questions 100 --dashboards 5 --saves 200
//
// Method: the demo is seeded (no accounts) for its organiser and its 2026 and 2027 editions; a 2025
// edition is added. Each edition's baseline survey is replaced by the "SME baseline" template
// (template.ts) plus synthetic number, yes/no and scale questions up to `--questions`, open.
// `--enterprises` firms are added to the registry (clusters, provinces, size classes, women-led
// spread over them), each confirmed on a stall of every edition (so each is an exhibitor of all
// three), and each has a submitted baseline in every edition answering every question, all in
// bulk SQL (insert … select over generate_series); then their scores are stored by the same pass
// the server runs after the migration that added them (scoreUnscored: the engine over each
// response's answers), timed apart. Dashboard: baselineDashboard as organiser
// staff for the latest edition, the call the back-office baseline page's loader makes (it includes
// the follow-up round and the comparison with the previous edition), `--dashboards` times after a
// warm-up, server time per call, wall clock; then parts of it on their own (who exhibits, one
// edition's figures by cluster from the stored scores, one edition's totals of every indicator). Save: saveSection as the exhibitor of a random firm, one
// synthetic section of 20 answers each time, `--saves` times one after another; then the read of
// the firm's survey each save starts with (ownSurvey). Each result is one JSON line.
import "../../src/wiring";
import { parseArgs } from "node:util";
import { and, eq, isNull, sql } from "drizzle-orm";
import { saveSection } from "../../src/features/baseline/operations/answer";
import { ownSurvey } from "../../src/features/baseline/operations/own";
import { baselineDashboard } from "../../src/features/baseline/operations/dashboard";
import { groupAggregates, indicatorTotals } from "../../src/features/baseline/operations/aggregates";
import { scoreUnscored } from "../../src/features/baseline/operations/stored-scores";
import { writeSurvey } from "../../src/features/baseline/operations/structure";
import { baselineQuestions, baselineSurveys } from "../../src/features/baseline/tables";
import { smeBaseline, type TemplateQuestion, type TemplateSection } from "../../src/features/baseline/template";
import { seedDemo } from "../../src/features/demo/seed-demo";
import { editions } from "../../src/features/editions/tables";
import { editionExhibitorIds } from "../../src/features/exhibitors/operations/exhibitors-of";
import { loadConfig } from "../../src/platform/config";
import type { Ctx } from "../../src/platform/context";
import { rowsOf } from "../../src/platform/db/rows";
import { seededRandom } from "../../src/platform/random";
import { cpuMeter, openBenchDb, pct } from "../lib/database";
import { machine } from "../lib/load";

const { values: args } = parseArgs({
  options: { enterprises: { type: "string", default: "10000" }, questions: { type: "string", default: "100" }, dashboards: { type: "string", default: "5" }, saves: { type: "string", default: "200" } },
});
const FIRMS = Number(args.enterprises);
const QUESTIONS = Number(args.questions);
const random = seededRandom(15_2026);
const ms = (n: number) => Number(n.toFixed(1));

/** The template plus synthetic sections of ~20 questions each, up to `total` questions. */
function sectionsOf(total: number): TemplateSection[] {
  const sections = [...smeBaseline.sections];
  let n = sections.reduce((a, s) => a + s.questions.length, 0);
  for (let s = 1; n < total; s++) {
    const questions: TemplateQuestion[] = [];
    for (let k = 1; k <= 20 && n < total; k++, n++) {
      const kind = k % 4 === 0 ? "yes_no" : k % 4 === 1 ? "scale" : "number";
      questions.push({ code: `bench${s}.q${k}`, kind, en: `Indicator ${s}.${k}`, ur: `اشاریہ ${s}.${k}`, ...(kind === "scale" ? { min: 1, max: 5 } : {}) });
    }
    sections.push({ key: `bench${s}`, en: `Bench section ${s}`, ur: `بینچ حصہ ${s}`, questions });
  }
  return sections;
}

/** An answer every firm gives, by the question's kind (n: the firm's number). */
const answerSql = sql.raw(`case q.kind
  when 'yes_no' then to_jsonb((f.n + q.sort) % 3 <> 0)
  when 'number' then to_jsonb((f.n * 37 + q.sort * 11) % 1000)
  when 'currency' then to_jsonb((f.n * 7919) % 50000000)
  when 'percentage' then to_jsonb((f.n * 7 + q.sort) % 101)
  when 'year' then to_jsonb(1980 + f.n % 45)
  when 'scale' then to_jsonb(1 + (f.n + q.sort) % 5)
  when 'single' then q.options->(f.n % greatest(jsonb_array_length(q.options), 1))->'value'
  when 'multiple' then jsonb_build_array(q.options->(f.n % greatest(jsonb_array_length(q.options), 1))->'value')
  when 'countries' then '["AE","GB"]'::jsonb
  when 'hs_codes' then '["520100"]'::jsonb
  else to_jsonb('bench answer'::text) end`);

async function main() {
  // (Assigning undefined to process.env would store the text "undefined": PGlite needs it unset.)
  if (!process.env.DATABASE_URL && process.env.TEST_DATABASE_URL) process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  const { database, label, cleanup } = await openBenchDb();
  try {
    await database.migrate();
    const db = database.db;
    const clock = { now: () => new Date() };
    await seedDemo(db, { now: () => new Date("2026-01-10T05:00:00Z") }, { accounts: false });
    const seedStarted = performance.now();
    const [e26] = await db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
    const organiserId = e26!.organiserId;
    // A 2025 edition beside the demo's 2026 and 2027 ones.
    await db.execute(sql`insert into editions (organiser_id, slug, year, name_en, name_ur, tagline_en, tagline_ur, starts_on, ends_on, timezone, venue_id, status, created_at, updated_at)
      select organiser_id, 'bench-2025', 2025, 'Showcase 2025', name_ur, tagline_en, tagline_ur, (starts_on - interval '1 year')::date, (ends_on - interval '1 year')::date, timezone, venue_id, status, now(), now() from editions where id = ${e26!.id}`);
    const all = (await db.select().from(editions).where(eq(editions.organiserId, organiserId))).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
    const latest = all.at(-1)!;

    // The registry: FIRMS enterprises over the 2026 clusters, provinces, sizes, women-led.
    await db.execute(sql`insert into enterprises (organiser_id, slug, name_en, size_class, women_led, cluster_slug, province, district)
      select ${organiserId}, 'bench-' || n, 'Bench firm ' || n, (array['micro','small','medium'])[1 + n % 3], n % 4 = 0,
        (select array_agg(slug order by slug) from clusters where edition_id = ${e26!.id})[1 + n % greatest((select count(*) from clusters where edition_id = ${e26!.id}), 1)],
        (array['Punjab','Sindh','Khyber Pakhtunkhwa','Balochistan','Islamabad'])[1 + n % 5], 'District ' || (n % 40)
      from generate_series(1, ${FIRMS}) n`);
    await db.execute(sql`create table bench_firms as select id, substring(slug from 7)::int as n from enterprises where organiser_id = ${organiserId} and slug like 'bench-%'`);

    const sections = sectionsOf(QUESTIONS);
    for (const e of all) {
      // Every firm confirmed on a stall of a hall of its own in the edition: an exhibitor of it.
      await db.execute(sql`insert into floor_halls (edition_id, code, name_en, name_ur, width_m, depth_m) values (${e.id}, 'BENCH', 'Bench hall', 'بینچ ہال', 1000, 1000)`);
      await db.execute(sql`insert into floor_stalls (edition_id, hall_id, number, seq, x, y, w, h, area_m2, state, enterprise_id)
        select ${e.id}, (select id from floor_halls where edition_id = ${e.id} and code = 'BENCH'), 'BX-' || f.n, f.n, (f.n % 300) * 3, (f.n / 300) * 3, 3, 3, 9, 'confirmed', f.id from bench_firms f`);
      // The edition's survey: the template and the synthetic indicators, open.
      await db.delete(baselineSurveys).where(eq(baselineSurveys.editionId, e.id));
      const { surveyId } = await writeSurvey(db, e.id, { en: smeBaseline.en, ur: smeBaseline.ur }, sections, "open");
      await db.execute(sql`insert into baseline_responses (survey_id, enterprise_id, round, sections_done, status, submitted_at, updated_at)
        select ${surveyId}, f.id, 'baseline', ${JSON.stringify(sections.map((s) => s.key))}::jsonb, 'submitted', now(), now() from bench_firms f`);
      await db.execute(sql`insert into baseline_answers (response_id, survey_id, code, question_id, value, updated_at)
        select r.id, r.survey_id, q.code, q.id, ${answerSql}, now()
        from baseline_responses r join bench_firms f on f.id = r.enterprise_id join baseline_questions q on q.survey_id = r.survey_id and q.retired_at is null
        where r.survey_id = ${surveyId}`);
    }
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    // The stored scores of the 30,000 responses, as after the migration that added them.
    const scoringStarted = performance.now();
    const scored = await scoreUnscored(db);
    const scoringSeconds = (performance.now() - scoringStarted) / 1000;
    await db.execute(sql`analyze`);
    const counts = rowsOf<{ answers: number; questions: number }>(
      await db.execute(sql`select (select count(*)::int from baseline_answers) as answers, (select count(*)::int from baseline_questions q join baseline_surveys s on s.id = q.survey_id where s.edition_id = ${latest.id}) as questions`),
    )[0]!;

    await db.execute(sql`insert into users (id, email, name, created_at) values ('00000000-0000-4000-8000-000000000015', 'baseline@bench', 'Baseline', now()) on conflict do nothing`);
    const base = { db, clock, config: loadConfig({ SEED_DEMO: "false" } as NodeJS.ProcessEnv), locale: "en" as const };
    const user = { kind: "user" as const, userId: "00000000-0000-4000-8000-000000000015", email: "baseline@bench", name: "Baseline" };
    const organiser: Ctx = { ...base, actor: { ...user, grants: [{ role: "organiser_staff", organiserId, tradeBodyId: null, enterpriseId: null }] } };

    // The dashboard, as the back-office baseline page's loader calls it.
    const time = async <T>(n: number, call: () => Promise<T>) => {
      const warm = performance.now();
      await call();
      const first = performance.now() - warm;
      const times: number[] = [];
      let last: T | undefined;
      for (let k = 0; k < n; k++) {
        const s = performance.now();
        last = await call();
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      return { times, last: last!, first };
    };
    const calls = Number(args.dashboards);
    const dashCpu = await cpuMeter(db, label === "postgres");
    const dash = await time(calls, () => baselineDashboard(organiser, { editionId: latest.id }));
    const used = await dashCpu();
    const [survey] = await db.select().from(baselineSurveys).where(eq(baselineSurveys.editionId, latest.id));
    // Its parts on their own (3 calls each at most, after a warm-up): who exhibits; one edition's
    // figures by cluster from the stored scores; one edition's totals of every current indicator.
    const parts = Math.min(calls, 3);
    const exhibitorsPart = await time(parts, () => editionExhibitorIds(db, latest.id));
    const figuresPart = await time(parts, () => groupAggregates(db, survey!.id, "cluster"));
    const codes = (await db.select({ code: baselineQuestions.code }).from(baselineQuestions).where(and(eq(baselineQuestions.surveyId, survey!.id), isNull(baselineQuestions.retiredAt)))).map((q) => q.code);
    const totalsPart = await time(parts, () => indicatorTotals(db, survey!.id, "baseline", ["score.export", "score.investment", ...codes]));
    console.log(
      JSON.stringify({
        bench: "baseline.dashboard",
        database: label,
        machine: machine(),
        editions: all.length,
        firms: FIRMS,
        questions: counts.questions,
        answersStored: counts.answers,
        seedSeconds: ms(seedSeconds),
        responsesScored: scored,
        scoringSeconds: ms(scoringSeconds),
        submitted: dash.last.progress.submitted,
        comparedWith: dash.last.comparison.other?.nameEn ?? null,
        calls,
        // The first call draws its charts (~50 ms of CPU each); later ones with the same figures reuse them (charts.ts).
        firstCallMs: ms(dash.first),
        medianMs: ms(pct(dash.times, 50)),
        maxMs: ms(dash.times.at(-1) ?? 0),
        nodeCpuMsPerCall: ms(used.nodeCpuMs / calls),
        dbCpuMsPerCall: used.dbCpuMs === null ? null : ms(used.dbCpuMs / calls),
        // Parts on their own, median: who exhibits; one edition's figures by cluster (stored
        // scores); one edition's totals of every indicator (the call counts those for two editions).
        exhibitorsMedianMs: ms(pct(exhibitorsPart.times, 50)),
        figuresOneEditionMedianMs: ms(pct(figuresPart.times, 50)),
        indicatorTotalsOneEditionMedianMs: ms(pct(totalsPart.times, 50)),
        indicatorsCounted: totalsPart.last.size,
      }),
    );

    // Saving one section as the exhibitor of a random firm.
    const firms = rowsOf<{ id: string }>(await db.execute(sql`select id from bench_firms order by n`));
    const section = sections.find((s) => s.key === "bench1")!;
    const saves = Number(args.saves);
    const exhibitor = (enterpriseId: string): Ctx => ({ ...base, actor: { ...user, grants: [{ role: "exhibitor", organiserId: null, tradeBodyId: null, enterpriseId }] } });
    const form = () => Object.fromEntries(section.questions.map((q) => [q.code, q.kind === "yes_no" ? (random() < 0.5 ? "yes" : "no") : String(1 + Math.floor(random() * 5))]));
    await saveSection(exhibitor(firms[0]!.id), { editionId: latest.id, section: section.key, answers: form() });
    const saveTimes: number[] = [];
    let failures = 0;
    const saveCpu = await cpuMeter(db, label === "postgres");
    for (let k = 0; k < saves; k++) {
      const firm = firms[Math.floor(random() * firms.length)]!;
      const s = performance.now();
      try {
        await saveSection(exhibitor(firm.id), { editionId: latest.id, section: section.key, answers: form() });
      } catch (e) {
        failures++;
        if (failures < 3) console.error(e);
      }
      saveTimes.push(performance.now() - s);
    }
    const saveUsed = await saveCpu();
    saveTimes.sort((a, b) => a - b);
    // Of a save, the read that finds the firm's survey (ownSurvey: who exhibits, for every edition).
    const ownPart = await time(20, () => ownSurvey(db, firms[Math.floor(random() * firms.length)]!.id, latest.id));
    console.log(
      JSON.stringify({
        bench: "baseline.saveSection",
        database: label,
        machine: machine(),
        firms: FIRMS,
        questionsInSection: section.questions.length,
        saves,
        failures,
        p50Ms: ms(pct(saveTimes, 50)),
        p95Ms: ms(pct(saveTimes, 95)),
        maxMs: ms(saveTimes.at(-1) ?? 0),
        ownSurveyMedianMs: ms(pct(ownPart.times, 50)),
        nodeCpuMsPerSave: ms(saveUsed.nodeCpuMs / saves),
        dbCpuMsPerSave: saveUsed.dbCpuMs === null ? null : ms(saveUsed.dbCpuMs / saves),
      }),
    );
    if (failures > 0 || dash.last.progress.submitted < FIRMS) process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

await main();
