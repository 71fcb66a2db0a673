-- POST /select for the policy in $POLICY with a 6-feature context. With $IDS set, each thread appends the decision
-- ids it gets to $IDS.<thread> (for a later feedback run).
local counter = 0
local threads = {}

function setup(thread)
    counter = counter + 1
    thread:set("index", counter)
    table.insert(threads, thread)
end

function init(args)
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
    wrk.body = '{"policy":"' .. os.getenv("POLICY") .. '","context":{"task":"code","lang":"en",'
        .. '"promptTokens":812,"tier":"pro","region":"eu","urgent":true}}'
    local ids = os.getenv("IDS")
    if ids then
        out = io.open(ids .. "." .. index, "w")
    end
end

function response(status, headers, body)
    if out and status == 200 then
        local id = body:match('"decisionId":"([^"]+)"')
        if id then
            out:write(id, "\n")
        end
    end
end

function done(summary, latency, requests)
    local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.timeout
    io.write(string.format("non-2xx or socket errors: %d\n", errors))
end
