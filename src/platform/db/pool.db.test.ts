import { inject, describe, expect, it } from "vitest";
import pg from "pg";
import { createPool, isStatementError } from "./pool";

// The pool keeps a connection after a statement's own error (a refusal is not a broken
// connection) and drops it after a connection-level one. PostgreSQL only: PGlite has no pool.
const onPostgres = process.env.NUMAISH_TEST_DB === "postgres";

describe.skipIf(!onPostgres)("the PostgreSQL pool (PostgreSQL only)", () => {
  const pid = async (pool: pg.Pool) => Number((await pool.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0]!.pid);

  it("keeps its connection after a unique violation, a raised refusal and a division by zero, and drops it when the server ends it", async () => {
    const pool = createPool({ connectionString: inject("postgresUrl"), max: 1 });
    try {
      const first = await pid(pool);
      await expect(pool.query("select 1/0")).rejects.toMatchObject({ code: "22012" });
      await expect(pool.query("do $$ begin raise exception using errcode = 'NM001'; end $$")).rejects.toMatchObject({ code: "NM001" });
      await pool.query("create temporary table pool_probe (k int primary key)");
      await pool.query("insert into pool_probe values (1)");
      await expect(pool.query("insert into pool_probe values (1)")).rejects.toMatchObject({ code: "23505" });
      // The same backend all along (a temporary table lives only in its session, and it is still there).
      expect(await pid(pool)).toBe(first);
      expect((await pool.query("select count(*)::int as n from pool_probe")).rows[0]).toEqual({ n: 1 });
      // A statement's error leaves the connection usable for a named (prepared) statement too.
      await expect(pool.query({ name: "pool_probe_div", text: "select 1/$1::int as q", values: [0] })).rejects.toMatchObject({ code: "22012" });
      expect((await pool.query({ name: "pool_probe_div", text: "select 1/$1::int as q", values: [1] })).rows[0]).toEqual({ q: 1 });
      // The server ends the session (57P01): that connection is dropped, the next query gets another.
      await expect(pool.query("select pg_terminate_backend(pg_backend_pid())")).rejects.toBeTruthy();
      expect(await pid(pool)).not.toBe(first);
    } finally {
      await pool.end();
    }
  });

  it("tells a statement's error from a connection's", () => {
    const server = (code: string) => ({ code, severity: "ERROR" });
    expect(isStatementError(server("23505"))).toBe(true);
    expect(isStatementError(server("NM001"))).toBe(true);
    expect(isStatementError(server("P0001"))).toBe(true);
    expect(isStatementError(server("57P01"))).toBe(false);
    expect(isStatementError(server("08006"))).toBe(false);
    expect(isStatementError(server("53300"))).toBe(false);
    expect(isStatementError(server("XX000"))).toBe(false);
    // A socket's errors carry a code but no severity, one of them five capitals like a SQLSTATE.
    expect(isStatementError({ code: "EPIPE" })).toBe(false);
    expect(isStatementError({ code: "ECONNRESET" })).toBe(false);
    expect(isStatementError(new Error("Connection terminated unexpectedly"))).toBe(false);
  });
});
