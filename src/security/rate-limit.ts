// Per-subject token buckets: `callsPerSecond` refill up to `burst`; a call
// takes one token or is refused with how long until one is there. With Redis
// the buckets are shared by every instance (one atomic script per call, with
// Redis's clock); without it, or while Redis cannot be reached, each process
// keeps its own, least recently used dropped past maxTrackedSubjects.
import type { Redis } from "ioredis";
import type { Logger } from "../telemetry/logger.js";

export interface RateSettings {
  callsPerSecond: number;
  burst: number;
  maxTrackedSubjects: number;
}

export interface RateDecision {
  allowed: boolean;
  /** When refused: milliseconds until a call would be allowed. */
  retryAfterMs: number;
}

export interface RateLimiter {
  take(subject: string): RateDecision | Promise<RateDecision>;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class InProcessRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly settings: RateSettings,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.perMs = settings.callsPerSecond / 1000;
  }

  take(subject: string): RateDecision {
    const now = this.now();
    const found = this.buckets.get(subject);
    const bucket = found ?? { tokens: this.settings.burst, at: now };
    bucket.tokens = Math.min(this.settings.burst, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    // Re-inserting keeps the map in least-recently-used order.
    if (found) this.buckets.delete(subject);
    this.buckets.set(subject, bucket);
    if (this.buckets.size > this.settings.maxTrackedSubjects) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterMs: 0 };
    }
    return { allowed: false, retryAfterMs: Math.ceil((1 - bucket.tokens) / this.perMs) };
  }

  get trackedSubjects(): number {
    return this.buckets.size;
  }
}

const TAKE_TOKEN = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or burst
local at = tonumber(b[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
local allowed = 0
local retry = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  retry = math.ceil((1 - tokens) / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + 1000)
return {allowed, retry}
`;

type TakeTokenRedis = Redis & { lipiTakeToken(key: string, perMs: number, burst: number): Promise<[number, number]> };

export class RedisRateLimiter implements RateLimiter {
  private readonly redis: TakeTokenRedis;
  private readonly fallback: InProcessRateLimiter;
  private degraded = false;

  constructor(
    redis: Redis,
    private readonly settings: RateSettings,
    private readonly logger: Logger,
    private readonly prefix = "lipi:rate:",
  ) {
    redis.defineCommand("lipiTakeToken", { numberOfKeys: 1, lua: TAKE_TOKEN });
    this.redis = redis as TakeTokenRedis;
    this.fallback = new InProcessRateLimiter(settings);
  }

  async take(subject: string): Promise<RateDecision> {
    try {
      const [allowed, retryAfterMs] = await this.redis.lipiTakeToken(this.prefix + subject, this.settings.callsPerSecond / 1000, this.settings.burst);
      if (this.degraded) {
        this.degraded = false;
        this.logger.info("rate limits are shared through Redis again");
      }
      return { allowed: allowed === 1, retryAfterMs };
    } catch (err) {
      if (!this.degraded) {
        this.degraded = true;
        this.logger.warn({ err }, "Redis unreachable: rate limits are per instance until it is back");
      }
      return this.fallback.take(subject);
    }
  }
}
