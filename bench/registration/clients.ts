// The registration rush's clients, in a process of their own (forked by run.ts), so the server's
// process does only the server's work, as in a real rush whose clients are phones elsewhere. Each
// client is a loop on a keep-alive connection (a bare socket, one per client), taking the next
// registration from a shared counter; a share is sent twice with the same Idempotency-Key (the
// retry of an answer that got lost), and a dropped connection is retried with the same key. The
// results go back to the parent as one message.
import net from "node:net";
import { randomBytes } from "node:crypto";

export interface ClientsJob {
  /** One per server; client j sends to urls[j % urls.length]. */
  urls: string[];
  categoryId: string;
  total: number;
  clients: number;
  replay: number;
  /** Registrations sent before the measured rush, in another (uncapped) category, by the same
   *  clients on the same connections: the servers' code is compiled and their connection pools
   *  full, as in a server that has been up for a while. Not counted in the figures. */
  warmup: { categoryId: string; count: number };
}
export interface ClientsResult {
  acknowledged: string[];
  statuses: Record<number, number>;
  latencies: number[];
  networkErrors: number;
  seconds: number;
  cpuMs: number;
}

/** One keep-alive HTTP/1.1 connection, one request at a time, on a bare socket: the clients of a
 *  rush are phones elsewhere, so the load generator should take as little of this machine as it
 *  can (node:http cost ~0.3 ms of CPU a request, this ~0.1). Responses must carry Content-Length
 *  or be chunked; the server's are. */
class Connection {
  private socket: net.Socket | null = null;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (r: { status: number; body: string }) => void; reject: (e: Error) => void } | null = null;
  constructor(readonly url: URL) {}

  private open(): net.Socket {
    const socket = net.connect({ host: this.url.hostname, port: Number(this.url.port) });
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.parse();
    });
    const fail = (e: Error) => {
      this.socket = null;
      this.buffer = Buffer.alloc(0);
      const w = this.waiting;
      this.waiting = null;
      w?.reject(e);
    };
    socket.on("error", fail);
    socket.on("close", () => fail(new Error("connection closed")));
    return socket;
  }

  private parse() {
    const end = this.buffer.indexOf("\r\n\r\n");
    if (end < 0 || !this.waiting) return;
    const head = this.buffer.subarray(0, end).toString("latin1");
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    let body: string;
    let rest: Buffer;
    if (length) {
      const total = end + 4 + Number(length[1]);
      if (this.buffer.length < total) return;
      body = this.buffer.subarray(end + 4, total).toString("utf8");
      rest = this.buffer.subarray(total);
    } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      const parts: Buffer[] = [];
      let at = end + 4;
      for (;;) {
        const line = this.buffer.indexOf("\r\n", at);
        if (line < 0) return;
        const size = parseInt(this.buffer.subarray(at, line).toString("latin1"), 16);
        if (this.buffer.length < line + 2 + size + 2) return;
        if (size === 0) {
          at = line + 4;
          break;
        }
        parts.push(this.buffer.subarray(line + 2, line + 2 + size));
        at = line + 2 + size + 2;
      }
      body = Buffer.concat(parts).toString("utf8");
      rest = this.buffer.subarray(at);
    } else {
      body = "";
      rest = this.buffer.subarray(end + 4);
    }
    this.buffer = rest;
    const w = this.waiting;
    this.waiting = null;
    if (/\r\nconnection:\s*close/i.test(head)) {
      this.socket?.destroy();
      this.socket = null;
    }
    w.resolve({ status, body });
  }

  post(headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
    this.socket ??= this.open();
    const lines = [`POST ${this.url.pathname} HTTP/1.1`, `Host: ${this.url.host}`, `Content-Length: ${Buffer.byteLength(body)}`];
    for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
    const done = new Promise<{ status: number; body: string }>((resolve, reject) => (this.waiting = { resolve, reject }));
    this.socket.write(`${lines.join("\r\n")}\r\n\r\n${body}`);
    return done;
  }

  close() {
    this.socket?.removeAllListeners("close");
    this.socket?.destroy();
  }
}

/** `warm()` is awaited between the warm-up and the measured rush (the parent starts its meters). */
export async function runClients(job: ClientsJob, warm: () => Promise<void> = async () => {}): Promise<ClientsResult> {
  const acknowledged: string[] = [];
  const statuses: Record<number, number> = {};
  const latencies: number[] = [];
  let networkErrors = 0;
  let next = 0;
  let measuring = false;
  const send = async (connection: Connection, i: number, key: string) => {
    const email = measuring ? `rush${i}@bench.example` : `warmup${i}@bench.example`;
    const categoryId = measuring ? job.categoryId : job.warmup.categoryId;
    const body = JSON.stringify({ categoryId, name: `Visitor ${i}`, email, days: [i % 3], consentData: true, consentScan: i % 2 === 0 });
    const headers = { "content-type": "application/json", origin: connection.url.origin, "idempotency-key": key, "accept-language": i % 2 ? "ur" : "en" };
    const t0 = performance.now();
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await connection.post(headers, body);
        if (!measuring) return;
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
  const connections = Array.from({ length: job.clients }, (_, j) => new Connection(new URL(job.urls[j % job.urls.length]!)));
  await Promise.all(
    connections.map(async (connection) => {
      for (let i = next++; i < job.warmup.count; i = next++) await send(connection, i, `warmup-${i}-${randomBytes(4).toString("hex")}`);
    }),
  );
  await warm();
  measuring = true;
  next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    connections.map(async (connection) => {
      for (let i = next++; i < job.total; i = next++) {
        const key = `bench-${i}-${randomBytes(4).toString("hex")}`;
        await send(connection, i, key);
        if (Math.random() < job.replay) await send(connection, i, key);
      }
      connection.close();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { acknowledged, statuses, latencies, networkErrors, seconds, cpuMs: (used.user + used.system) / 1000 };
}

// Forked by run.ts: the job comes as the first message; after the warm-up "warm" goes back and
// "go" is awaited; the result goes back as the last message.
if (process.send) {
  process.once("message", (job: ClientsJob) => {
    const warm = () =>
      new Promise<void>((resolve) => {
        process.once("message", () => resolve());
        process.send!("warm");
      });
    runClients(job, warm).then(
      (r) => process.send!(r, () => process.exit(0)),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  });
}
