import pg from "pg";

// node-postgres's Pool.query() hands its connection back *destroyed* after any error, a refused
// statement included: a unique violation, a CHECK, or the registration rush's deliberate refusal
// (NM001, registration_claim_or_refuse). In a rush every refusal then cost a new PostgreSQL
// backend (fork, catalogue caches, every named statement prepared again): about 13 new connections
// a second, over a third of the machine's CPU (docs/benchmarks.md, 2026-12-08). A statement's own
// error leaves the connection ready for the next (outside a transaction nothing is left open), so
// this pool keeps it; only an error without a SQLSTATE (the socket) or of a class that says the
// connection or the server is in trouble still destroys it.

/** SQLSTATE classes after which a connection is not trusted again: connection exception (08),
 *  operator intervention (57, e.g. 57P01 terminated), insufficient resources (53), system (58),
 *  internal (XX). */
const BROKEN = /^(08|57|53|58|XX)/;

/** An error the server reported for a statement (it has a severity and a SQLSTATE), of a class
 *  that leaves the connection usable. A socket's error (EPIPE, ECONNRESET: a code, no severity) is not. */
export function isStatementError(e: unknown): boolean {
  const { code, severity } = (e ?? {}) as { code?: unknown; severity?: unknown };
  return typeof severity === "string" && typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && !BROKEN.test(code);
}

export function createPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  const original = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  const query = async (config: unknown, values?: unknown) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      return await client.query(config as pg.QueryConfig, values as unknown[]);
    } catch (e) {
      if (!isStatementError(e)) broken = e instanceof Error ? e : new Error(String(e));
      throw e;
    } finally {
      client.release(broken);
    }
  };
  // Callers with a callback keep node-postgres's own path; promise callers (Drizzle, ours) this one.
  pool.query = ((...args: unknown[]) => (args.some((a) => typeof a === "function") ? original(...args) : query(args[0], args[1]))) as typeof pool.query;
  return pool;
}
