import { randomBytes } from "node:crypto";
import pg from "pg";

/** The same server's URL with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A new database on the server at `url`, made from `template`, and drop() to remove it (forcibly:
 * processes a test killed may still hold connections).
 */
export async function copyPostgresDatabase(url: string, template: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `numaish_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  return {
    url: withDatabase(url, name),
    async drop() {
      // pool.end() resolves before its sockets close; a forced drop right away kills backends
      // whose clients then emit an unhandled 57P01 (seen with several pooled connections).
      await new Promise((r) => setTimeout(r, 100));
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
