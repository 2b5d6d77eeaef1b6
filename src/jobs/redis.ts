// One place that opens Redis. Workers need maxRetriesPerRequest: null (BullMQ's rule), and a
// bot started without a reachable Redis stops at once with a message that says how to get one.
import { Redis } from "ioredis";

export class RedisUnavailableError extends Error {
  constructor(url: string, cause: unknown) {
    super(
      [
        `Redis is not reachable at ${url.replace(/\/\/[^@]*@/, "//***@")} (${cause instanceof Error ? cause.message : String(cause)}).`,
        "无法连接 Redis。请先启动一个 Redis，例如：",
        "  redis-server --daemonize yes --port 6379        (Debian: apt-get install redis-server)",
        "  docker compose up -d redis                      (with this project's compose.yaml)",
        "or point REDIS_URL at one.",
      ].join("\n"),
    );
    this.name = "RedisUnavailableError";
  }
}

export function openRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: true });
}

/**
 * Connects and pings once, failing fast instead of retrying forever. Later connection errors
 * (Redis restarting) go to onError; ioredis reconnects by itself.
 */
export async function connectRedis(url: string, timeoutMs = 3000, onError: (err: Error) => void = () => undefined): Promise<Redis> {
  const redis = openRedis(url);
  redis.on("error", onError);
  const timer = setTimeout(() => redis.disconnect(), timeoutMs);
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch (err) {
    redis.disconnect();
    throw new RedisUnavailableError(url, err);
  } finally {
    clearTimeout(timer);
  }
}
