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

-- With $DELAY_MS, each connection waits that long between requests: 16 connections at 16 ms offer about 1,000/s.
if os.getenv("DELAY_MS") then
    local pause = tonumber(os.getenv("DELAY_MS"))
    function delay()
        return pause
    end
end
