-- Shared by the wrk scripts of bench/http (loaded with dofile from the checkout's root).

-- Numbers the threads, so each can keep a file of its own.
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("index", counter)
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
end
