// Where the tests find their real services (CI and developer machines run both locally).
export const PG_BASE = process.env.TEST_PG_BASE ?? "postgresql://postgres@127.0.0.1:5432";
export const ADMIN_URL = `${PG_BASE}/postgres`;
export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
export const dbUrl = (name: string) => `${PG_BASE}/${name}`;
// A fixed data key for the tests (never a real one): the harness seals sensitive columns with it.
export const TEST_DATA_KEYS = "test1:dGVzdC1kYXRhLWtleS0zMi1ieXRlcy1sb25nLW9rISE=";
