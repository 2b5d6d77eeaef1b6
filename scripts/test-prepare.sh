#!/usr/bin/env bash
# What `npm test` needs on this machine, set up where it can be: PostgreSQL on 127.0.0.1:5432 and
# Redis on 127.0.0.1:6379 started when installed but stopped, Debian's Chromium (and the fonts
# that make Chinese show in screenshots) installed when missing and this user may (root, or
# passwordless sudo). Where it cannot, it stops at once with the one command that fixes it:
# a missing browser must never turn into skipped browser tests. `npm test` and .ci/run both run
# it; when everything is there it only looks (well under a second).
#
#   TEST_PREPARE_NO_INSTALL=1        never install or start anything; say what to run instead
#   CHROMIUM_PATH=/path/to/chromium  the browser the tests launch (default: Debian's)
#   TEST_PREPARE_DEBIAN_CHROMIUM     where Debian's package puts it (to test this script)
#   TEST_PG_BASE / TEST_REDIS_URL    the tests use servers elsewhere: leave the local ones alone
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_CHROMIUM="${TEST_PREPARE_DEBIAN_CHROMIUM:-/usr/bin/chromium}"
BROWSER="${CHROMIUM_PATH:-$DEBIAN_CHROMIUM}"
PACKAGES="chromium fonts-wqy-microhei fonts-noto-color-emoji"

fail() {
  printf '\n\033[1;31mnpm test 无法开始：%s\033[0m\n请运行：\n\n    %s\n\n' "$1" "$2" >&2
  exit 1
}
note() { printf 'test-prepare: %s\n' "$*" >&2; }

# Who may change the machine: root as is, a user with passwordless sudo through it.
if [ -n "${TEST_PREPARE_NO_INSTALL:-}" ]; then
  AS=none
elif [ "$(id -u)" = 0 ]; then
  AS=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  AS="sudo -n"
else
  AS=none
fi
# How to write a command for the person who has to run it themselves.
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo "; fi

pg_up() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h 127.0.0.1 -p 5432
  else
    (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null
  fi
}
redis_up() {
  if command -v redis-cli >/dev/null 2>&1; then
    [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = PONG ]
  else
    (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null
  fi
}
# Waits for a service that was just started; a cluster replaying its log can take a while.
wait_for() {
  local check=$1 name=$2 fix=$3
  for _ in $(seq 1 60); do
    "$check" && return 0
    sleep 0.5
  done
  fail "${name} 已启动但 30 秒内没有应答" "$fix"
}

# ── PostgreSQL
PG_VERSION="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n1 || true)"
PG_START="pg_ctlcluster --skip-systemctl-redirect ${PG_VERSION:-15} main start"
if [ -n "${TEST_PG_BASE:-}" ]; then
  note "TEST_PG_BASE 已设置，不管理本机 PostgreSQL"
elif ! pg_up; then
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$PG_VERSION" ]; then
    fail "没有安装 PostgreSQL（测试需要 127.0.0.1:5432 上的 PostgreSQL，用户 postgres，trust 认证）" \
      "${SUDO}apt-get install -y postgresql redis-server"
  fi
  [ "$AS" = none ] && fail "PostgreSQL 没有运行（127.0.0.1:5432）" "${SUDO}${PG_START}"
  note "启动 PostgreSQL ${PG_VERSION}"
  $AS pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main start || fail "PostgreSQL 启动失败" "${SUDO}${PG_START}"
  wait_for pg_up PostgreSQL "${SUDO}${PG_START}"
fi

# ── Redis (nothing kept on disk: the tests use fresh key prefixes)
REDIS_START="redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save \"\" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log"
if [ -n "${TEST_REDIS_URL:-}" ]; then
  note "TEST_REDIS_URL 已设置，不管理本机 Redis"
elif ! redis_up; then
  if ! command -v redis-server >/dev/null 2>&1; then
    fail "没有安装 Redis（测试需要 127.0.0.1:6379 上的 Redis）" "${SUDO}apt-get install -y redis-server"
  fi
  [ "$AS" = none ] && fail "Redis 没有运行（127.0.0.1:6379）" "${SUDO}mkdir -p /var/lib/redis /var/log/redis && ${SUDO}${REDIS_START}"
  note "启动 Redis"
  $AS mkdir -p /var/lib/redis /var/log/redis
  $AS redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log >/dev/null || fail "Redis 启动失败" "${SUDO}${REDIS_START}"
  wait_for redis_up Redis "${SUDO}${REDIS_START}"
fi

# ── Browser for test/sandbox/browser.test.ts (Debian's Chromium; Playwright downloads nothing)
INSTALL="${SUDO}apt-get update && ${SUDO}apt-get install -y --no-install-recommends ${PACKAGES}"
has_chinese_font() { fc-list 2>/dev/null | grep -qi wqy; }
install_browser() {
  note "安装 Debian 的 Chromium 与中文、emoji 字体（apt-get）"
  $AS apt-get update -qq || return 1
  $AS env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null
}

if [ ! -x "$BROWSER" ] && [ "$BROWSER" != "$DEBIAN_CHROMIUM" ]; then
  # Installing Debian's package would not put a browser at a path chosen by hand.
  if [ -x "$DEBIAN_CHROMIUM" ]; then
    fail "CHROMIUM_PATH=${BROWSER} 不存在（浏览器测试要用它）；Debian 的 Chromium 已装在 ${DEBIAN_CHROMIUM}" "unset CHROMIUM_PATH"
  fi
  fail "CHROMIUM_PATH=${BROWSER} 不存在，也没有安装 Debian 的 Chromium（浏览器测试要用它）" "unset CHROMIUM_PATH && ${INSTALL}"
fi
if [ ! -x "$BROWSER" ]; then
  if [ "$AS" = none ] || ! command -v apt-get >/dev/null 2>&1; then
    fail "没有安装 Chromium（${BROWSER}），浏览器测试要用它" "$INSTALL"
  fi
  install_browser || fail "Chromium 安装失败（apt-get 的输出见上）" "$INSTALL"
  [ -x "$BROWSER" ] || fail "安装后仍找不到 ${BROWSER}" "$INSTALL"
elif ! has_chinese_font; then
  # The tests pass without it; their screenshots would show boxes instead of Chinese.
  if [ "$AS" != none ] && command -v apt-get >/dev/null 2>&1 && install_browser; then :; else
    note "没有中文字体，截图里的中文会显示为方框；安装：${INSTALL}"
  fi
fi

note "PostgreSQL、Redis、Chromium 就绪"
