-- Shared by the wrk scripts of bench/http (loaded with dofile from the checkout's root).

-- Numbers the threads, so each can keep a file of its own.
local counter = 0
local threads = {}

function setup(thread)
    counter = counter + 1
    thread:set("index", counter)
    table.insert(threads, thread)
end

-- The /select body for the policy in $POLICY: a 6-feature context.
function select_body()
    return '{"policy":"' .. os.getenv("POLICY") .. '","context":{"task":"code","lang":"en",'
        .. '"promptTokens":812,"tier":"pro","region":"eu","urgent":true}}'
end

function done(summary, latency, requests)
    local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.timeout
    io.write(string.format("non-2xx or socket errors: %d\n", errors))
    -- feedback.lua counts the requests it had no decision id left for (each is a 404, not a fault of the service)
    local unknown = 0
    for _, thread in ipairs(threads) do
        unknown = unknown + (thread:get("unknown_ids") or 0)
    end
    if unknown > 0 then
        io.write(string.format("requests sent after the decision ids ran out (404): %d\n", unknown))
    end
end
