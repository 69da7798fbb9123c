// The registration rush's clients, in a process of their own (forked by run.ts), so the server's
// process does only the server's work, as in a real rush whose clients are phones elsewhere. Each
// client is a loop on a keep-alive connection (node:http, one socket per client), taking the next
// registration from a shared counter; a share is sent twice with the same Idempotency-Key (the
// retry of an answer that got lost), and a dropped connection is retried with the same key. The
// results go back to the parent as one message.
import http from "node:http";
import { randomBytes } from "node:crypto";

export interface ClientsJob {
  /** One per server; client j sends to urls[j % urls.length]. */
  urls: string[];
  categoryId: string;
  total: number;
  clients: number;
  replay: number;
}
export interface ClientsResult {
  acknowledged: string[];
  statuses: Record<number, number>;
  latencies: number[];
  networkErrors: number;
  seconds: number;
  cpuMs: number;
}

function post(agent: http.Agent, url: URL, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { ...headers, "content-length": Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

export async function runClients(job: ClientsJob): Promise<ClientsResult> {
  const acknowledged: string[] = [];
  const statuses: Record<number, number> = {};
  const latencies: number[] = [];
  let networkErrors = 0;
  let next = 0;
  const send = async (agent: http.Agent, url: URL, i: number, key: string) => {
    const email = `rush${i}@bench.example`;
    const body = JSON.stringify({ categoryId: job.categoryId, name: `Visitor ${i}`, email, days: [i % 3], consentData: true, consentScan: i % 2 === 0 });
    const headers = { "content-type": "application/json", origin: url.origin, "idempotency-key": key, "accept-language": i % 2 ? "ur" : "en" };
    const t0 = performance.now();
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await post(agent, url, headers, body);
        latencies.push(performance.now() - t0);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        // The public answer names nobody (202 {accepted, count}, the same for a repeat).
        if (res.status === 202 && (JSON.parse(res.body) as { accepted?: boolean }).accepted) acknowledged.push(email);
        return;
      } catch (e) {
        networkErrors++;
        if (attempt >= 3) throw e;
      }
    }
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: job.clients }, async (_, j) => {
      const url = new URL(job.urls[j % job.urls.length]!);
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      for (let i = next++; i < job.total; i = next++) {
        const key = `bench-${i}-${randomBytes(4).toString("hex")}`;
        await send(agent, url, i, key);
        if (Math.random() < job.replay) await send(agent, url, i, key);
      }
      agent.destroy();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { acknowledged, statuses, latencies, networkErrors, seconds, cpuMs: (used.user + used.system) / 1000 };
}

// Forked by run.ts: the job comes as the first message, the result goes back as one.
if (process.send) {
  process.once("message", (job: ClientsJob) => {
    runClients(job).then(
      (r) => process.send!(r, () => process.exit(0)),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  });
}
