-- select then feedback: each thread sends /feedback for the decisions it got back, /select otherwise.
dofile("bench/wrk/common.lua")

function init(args)
    pending = {}
    select_request = select_body()
    wrk.headers["Content-Type"] = "application/json"
end

function request()
    local id = table.remove(pending)
    if id then
        return wrk.format("POST", "/feedback", nil, '{"decisionId":"' .. id .. '","reward":0.5}')
    end
    return wrk.format("POST", "/select", nil, select_request)
end

function response(status, headers, body)
    local id = body:match('"decisionId":"([^"]+)"')
    if id and body:match('"arm"') then
        table.insert(pending, id)
    end
end
