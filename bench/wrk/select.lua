-- POST /select for the policy in $POLICY. With $IDS set, each thread appends the decision ids it gets to
-- $IDS.<thread> (for a later feedback run; several runs add up). Without it no response callback is defined, so wrk
-- does not hand every body to Lua, as for the echo: the run then measures the service, not the load generator.
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

if os.getenv("IDS") then
    function response(status, headers, body)
        if status == 200 then
            local id = body:match('"decisionId":"([^"]+)"')
            if id then
                out:write(id, "\n")
            end
        end
    end
end
