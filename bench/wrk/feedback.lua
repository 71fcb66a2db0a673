-- POST /feedback, each request for a different decision, read from $IDS.<thread> (written by select.lua).
dofile("bench/wrk/common.lua")

function init(args)
    ids = {}
    for line in io.lines(os.getenv("IDS") .. "." .. index) do
        table.insert(ids, line)
    end
    next_id = 1
    unknown_ids = 0
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
end

function request()
    local id = ids[next_id]
    if not id then
        id = "00000000-0000-0000-0000-000000000000"
        unknown_ids = unknown_ids + 1
    end
    next_id = next_id + 1
    return wrk.format(nil, nil, nil, '{"decisionId":"' .. id .. '","reward":0.75}')
end

-- With $RATE, each thread of wrk offers that many requests per second on a fixed schedule, whatever the latency:
-- request n of a thread is sent at its start + n / RATE seconds, or as soon as a connection is free when the
-- service is behind. (A fixed pause per connection would offer less the slower the answers come back.) Give it
-- enough connections to keep up: each can carry at most 1 / latency requests a second.
if os.getenv("RATE") then
    local ffi = require("ffi")
    ffi.cdef [[
        typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
        int clock_gettime(int clock, bench_timespec *now);
    ]]
    local CLOCK_MONOTONIC = 1
    local now = ffi.new("bench_timespec")
    local function now_ms()
        ffi.C.clock_gettime(CLOCK_MONOTONIC, now)
        return tonumber(now.tv_sec) * 1000 + tonumber(now.tv_nsec) / 1e6
    end
    local interval_ms = 1000 / tonumber(os.getenv("RATE"))
    local next_send_ms
    function delay()
        local t = now_ms()
        next_send_ms = (next_send_ms or t) + interval_ms
        return math.max(0, math.floor(next_send_ms - interval_ms - t))
    end
end
