import path from "node:path";
import { z } from "zod";
import { LOG_LEVELS, type LogLevel } from "./log";

// Configuration comes from the environment only, validated once at start so a
// typo fails loudly instead of surfacing as an odd runtime error later.
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default("./data"),
  PUBLIC_URL: z.string().url().optional(),
  SEED_DEMO: z.enum(["true", "false", "1", "0"]).default("true"),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().positive().default(587),
  SMTP_SECURE: z.enum(["true", "false"]).default("false"),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().default("Numaish <no-reply@numaish.local>"),
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(2000),
  TRUST_PROXY: z.enum(["true", "false", "1", "0"]).default("false"),
  NODE_ENV: z.string().default("production"),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  /** Bearer token for GET /metrics (Prometheus); unset: no metrics endpoint. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Seals each edition's badge signing key at rest (features/checkin/keys.ts); unset: stored plain. */
  KEY_ENCRYPTION_KEY: z.string().min(1).optional(),
});

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
}

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  publicUrl: string;
  seedDemo: boolean;
  smtp?: SmtpConfig;
  mailFrom: string;
  outboxPollMs: number;
  secureCookies: boolean;
  /** Behind a reverse proxy that sets X-Forwarded-For; otherwise the header is ignored (it is client-controlled). */
  trustProxy: boolean;
  /** JSON log level (LOG_LEVEL); servers built by hand in tests leave it out and log nothing. */
  logLevel?: LogLevel;
  metricsToken?: string;
  /** KEY_ENCRYPTION_KEY: any string; its SHA-256 seals badge signing keys (docs/badges.md). */
  keyEncryptionKey?: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    publicUrl,
    seedDemo: e.SEED_DEMO === "true" || e.SEED_DEMO === "1",
    smtp: e.SMTP_HOST
      ? {
          host: e.SMTP_HOST,
          port: e.SMTP_PORT,
          secure: e.SMTP_SECURE === "true",
          user: e.SMTP_USER,
          password: e.SMTP_PASSWORD,
        }
      : undefined,
    mailFrom: e.MAIL_FROM,
    outboxPollMs: e.OUTBOX_POLL_MS,
    secureCookies: publicUrl.startsWith("https://"),
    trustProxy: e.TRUST_PROXY === "true" || e.TRUST_PROXY === "1",
    logLevel: e.LOG_LEVEL,
    metricsToken: e.METRICS_TOKEN,
    keyEncryptionKey: e.KEY_ENCRYPTION_KEY,
  };
}
