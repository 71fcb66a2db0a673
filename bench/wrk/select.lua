-- POST /select for the policy in $POLICY. With $IDS set, each thread appends the decision ids it gets to
-- $IDS.<thread> (for a later feedback run; several runs add up).
dofile("bench/wrk/common.lua")

function init(args)
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
    wrk.body = select_body()
    local ids = os.getenv("IDS")
    if ids then
        out = io.open(ids .. "." .. index, "a")
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
