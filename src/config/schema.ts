// The single source of truth for lipi's settings. config/default.yaml holds
// the values, LIPI_* environment variables override them, and everything
// else reads the typed result of this schema. Unknown keys are errors
// (strictObject) so a typo never silently falls back to a default.
import { z } from "zod";

const port = z.number().int().min(0).max(65535);
const positiveInt = z.number().int().positive();
const nonNegativeInt = z.number().int().min(0);

/** JWT algorithms for public-key sources; HS* are deliberately absent (key confusion). */
export const asymmetricJwtAlgorithm = z.enum(["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"]);

/** A stage parameter as written in YAML; stages validate their own. */
export const stageParamValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

export const stageSettingsSchema = z.strictObject({
  enabled: z.boolean().default(true),
  classes: z.record(z.string(), z.boolean()).default({}),
  params: z.record(z.string(), stageParamValue).default({}),
});

export const profileSchema = z.strictObject({
  description: z.string().default(""),
  language: z.string().default("en"),
  /** Stage settings by stage name; stages not named keep their defaults. */
  stages: z.record(z.string(), stageSettingsSchema).default({}),
});

export const configSchema = z.strictObject({
  server: z.strictObject({
    host: z.string().min(1).default("127.0.0.1"),
    port: port.default(50051),
    maxReceiveMessageBytes: positiveInt.default(4 * 1024 * 1024),
    maxSendMessageBytes: positiveInt.default(4 * 1024 * 1024),
    keepalive: z
      .strictObject({
        /** Server pings an idle connection after this long. */
        timeMs: positiveInt.default(60_000),
        /** And closes it when the ping is not answered in this long. */
        timeoutMs: positiveInt.default(20_000),
        /** Clients pinging more often than this are told to calm down. */
        minClientPingIntervalMs: positiveInt.default(10_000),
        permitWithoutCalls: z.boolean().default(true),
      })
      .default({ timeMs: 60_000, timeoutMs: 20_000, minClientPingIntervalMs: 10_000, permitWithoutCalls: true }),
    /** On SIGTERM/SIGINT open streams may finish for this long, then end with UNAVAILABLE. */
    drainTimeoutMs: nonNegativeInt.default(10_000),
    reflection: z.boolean().default(true),
  }),
  stream: z.strictObject({
    /** Per-stream queue of segments not yet processed; reading pauses when it is full. */
    maxPendingSegments: positiveInt.default(256),
    /** Reading resumes when the queue has drained below this. */
    resumePendingSegments: positiveInt.default(64),
    maxWordsPerSegment: positiveInt.default(2_000),
    maxSegmentChars: positiveInt.default(20_000),
    /** Segments per unary Process call. */
    maxSegmentsPerRequest: positiveInt.default(1_000),
  }),
  pool: z.strictObject({
    /** Worker threads; 0 means one per available core. */
    threads: nonNegativeInt.default(0),
    /** Segments (from all streams) in one worker task. */
    maxBatchSegments: positiveInt.default(256),
    /** Tasks in flight per thread before the pool queues. */
    concurrentTasksPerThread: positiveInt.default(2),
    /** Tasks waiting for a thread; beyond this, streams wait (back-pressure). */
    maxQueuedTasks: positiveInt.default(64),
  }),
  store: z.strictObject({
    /** PostgreSQL 15+ connection string; empty runs embedded PGlite. */
    databaseUrl: z.string().default(""),
    /** Embedded PGlite data directory (used when databaseUrl is empty). */
    dataDir: z.string().min(1).default("./data/pglite"),
    poolSize: positiveInt.default(10),
    migrateOnStart: z.boolean().default(true),
  }),
  persistence: z.strictObject({
    /** Rows waiting to be written; when full, producers wait (never drop). */
    bufferRows: positiveInt.default(20_000),
    batchRows: positiveInt.default(250),
    flushIntervalMs: positiveInt.default(100),
    retryInitialMs: positiveInt.default(200),
    retryMaxMs: positiveInt.default(10_000),
    /** At shutdown, how long to keep writing what is buffered before reporting the rest. */
    closeTimeoutMs: nonNegativeInt.default(10_000),
  }),
  audit: z
    .strictObject({
      /**
       * Audit entries waiting to be written (~1 KB each). A call never waits
       * for the audit log, so beyond this entries are dropped — counted,
       * logged, and recorded as a gap record in the chain.
       */
      bufferEntries: positiveInt.default(50_000),
      batchEntries: positiveInt.default(500),
      flushIntervalMs: positiveInt.default(200),
      retryInitialMs: positiveInt.default(200),
      retryMaxMs: positiveInt.default(10_000),
      /** At shutdown, how long to keep writing what is buffered before reporting the rest. */
      closeTimeoutMs: nonNegativeInt.default(10_000),
      /** Rows read per query when verifying the chain (memory stays bounded by this). */
      verifyChunkRows: positiveInt.default(5_000),
    })
    .default({
      bufferEntries: 50_000,
      batchEntries: 500,
      flushIntervalMs: 200,
      retryInitialMs: 200,
      retryMaxMs: 10_000,
      closeTimeoutMs: 10_000,
      verifyChunkRows: 5_000,
    }),
  metrics: z
    .strictObject({
      /** Prometheus /metrics plus the /healthz and /readyz probes, on an HTTP port of their own. */
      enabled: z.boolean().default(true),
      host: z.string().min(1).default("127.0.0.1"),
      port: port.default(9464),
      readiness: z
        .strictObject({
          /** Not ready while more than this many tasks' worth of work waits for the worker pool. */
          maxPoolQueuedTasks: positiveInt.default(64),
          /**
           * Dependencies whose outage makes the instance not ready. Empty by
           * default: a database outage degrades persistence but processing
           * goes on, so a fleet whose database is down keeps serving.
           */
          requiredDependencies: z.array(z.enum(["store"])).default([]),
          /** How often readiness is re-evaluated and pushed to grpc.health.v1 watchers. */
          evaluateIntervalMs: positiveInt.default(1_000),
        })
        .default({ maxPoolQueuedTasks: 64, requiredDependencies: [], evaluateIntervalMs: 1_000 }),
    })
    .default({
      enabled: true,
      host: "127.0.0.1",
      port: 9464,
      readiness: { maxPoolQueuedTasks: 64, requiredDependencies: [], evaluateIntervalMs: 1_000 },
    }),
  tracing: z
    .strictObject({
      /**
       * OpenTelemetry tracing; the exporter is configured by the standard
       * OTEL_* variables (OTLP over http/protobuf by default).
       */
      enabled: z.boolean().default(false),
    })
    .default({ enabled: false }),
  /** Who may call: JWT bearer tokens, verified once per call (src/security/). */
  auth: z
    .strictObject({
      /** Off: every call is allowed (still audited and rate limited, by peer address). */
      enabled: z.boolean().default(true),
      /** Where verification keys come from; each source has its own algorithm allowlist. */
      keySource: z.enum(["hs256", "publicKeys", "jwks"]).default("hs256"),
      hs256: z
        .strictObject({
          /** Shared secret (base64url, ≥ 32 bytes); generated here on first start when missing. */
          secretFile: z.string().min(1).default("./data/auth/hs256.key"),
        })
        .prefault({}),
      publicKeys: z
        .strictObject({
          /** PEM (one or more SPKI public keys) or a JWKS JSON file. */
          file: z.string().default(""),
          algorithms: z.array(asymmetricJwtAlgorithm).min(1).default(["RS256", "ES256", "EdDSA"]),
        })
        .prefault({}),
      jwks: z
        .strictObject({
          /** https URL of the identity provider's JWKS; keys are cached and re-fetched on an unknown kid. */
          url: z.string().default(""),
          algorithms: z.array(asymmetricJwtAlgorithm).min(1).default(["RS256", "ES256", "EdDSA"]),
          cacheMaxAgeMs: positiveInt.default(600_000),
          cooldownMs: positiveInt.default(30_000),
          timeoutMs: positiveInt.default(5_000),
        })
        .prefault({}),
      issuer: z.string().min(1).default("lipi"),
      audience: z.string().min(1).default("lipi"),
      /** Slack for exp and nbf, against clocks that disagree. */
      clockToleranceSec: nonNegativeInt.default(30),
      /** Claim holding the caller's roles (a string or an array of strings). */
      rolesClaim: z.string().min(1).default("roles"),
      /** Longer bearer tokens are refused before any parsing. */
      maxTokenBytes: positiveInt.default(8_192),
      /**
       * Verified tokens remembered (by SHA-256) so a client reusing its token
       * skips signature checks; each for at most maxAgeMs and never past its exp.
       */
      verifiedTokenCache: z
        .strictObject({ maxEntries: nonNegativeInt.default(10_000), maxAgeMs: nonNegativeInt.default(60_000) })
        .prefault({}),
      /** Server reflection without a token ("public", dev) or with any role ("authenticated"). */
      reflection: z.enum(["public", "authenticated"]).default("public"),
      /** hs256 on a loopback address: log an admin token at start, for trying the server. */
      printDevToken: z.boolean().default(true),
      devTokenTtl: z.string().min(1).default("12h"),
      revocation: z
        .strictObject({
          /** How often each instance re-reads the revoked token ids (a revocation elsewhere takes this long to apply). */
          refreshMs: positiveInt.default(5_000),
          /** A revoked id is kept this long when the token's expiry is not known. */
          defaultRetentionSec: positiveInt.default(30 * 24 * 3600),
        })
        .prefault({}),
    })
    .prefault({}),
  /** Per-subject limits, each answered with RESOURCE_EXHAUSTED and audited. */
  limits: z
    .strictObject({
      rate: z
        .strictObject({
          /** Token bucket per subject: calls refill at this rate up to `burst`. */
          callsPerSecond: z.number().positive().default(50),
          burst: positiveInt.default(100),
          /** In-process buckets kept (least recently used go first); Redis keeps its own. */
          maxTrackedSubjects: positiveInt.default(100_000),
        })
        .prefault({}),
      /** Open streams per subject on one instance. */
      maxConcurrentStreamsPerSubject: positiveInt.default(64),
      /** A stream longer than this ends with RESOURCE_EXHAUSTED (at most ~24 days, a timer's range). */
      maxStreamDurationMs: positiveInt.max(2_147_483_647).default(4 * 3_600_000),
    })
    .prefault({}),
  tls: z
    .strictObject({
      /** PEM certificate chain and key; both set turns TLS on. */
      certFile: z.string().default(""),
      keyFile: z.string().default(""),
      /** PEM CA bundle: set, every client must present a certificate it signed (mTLS). */
      clientCaFile: z.string().default(""),
      /** Plaintext on a non-loopback address is refused unless this is true (e.g. TLS ends at a sidecar). */
      allowPlaintext: z.boolean().default(false),
    })
    .prefault({}),
  /** Shared state across instances (rate limits, token revocations); empty: in-process and PostgreSQL. */
  redis: z.strictObject({ url: z.string().default("") }).prefault({}),
  log: z.strictObject({
    level: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    pretty: z.boolean().default(false),
  }),
  pipeline: z.strictObject({
    defaultProfile: z.string().min(1).default("clean"),
    profiles: z.record(z.string(), profileSchema),
  }),
});

export type LipiConfig = z.infer<typeof configSchema>;
export type ProfileConfig = z.infer<typeof profileSchema>;
export type StageSettings = z.infer<typeof stageSettingsSchema>;
export type StageParamValue = z.infer<typeof stageParamValue>;
