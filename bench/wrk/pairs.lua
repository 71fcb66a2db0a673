-- select then feedback: each thread sends /feedback for the decisions it got back, /select otherwise.
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("index", counter)
end

function init(args)
    pending = {}
    select_body = '{"policy":"' .. os.getenv("POLICY") .. '","context":{"task":"code","lang":"en",'
        .. '"promptTokens":812,"tier":"pro","region":"eu","urgent":true}}'
    wrk.headers["Content-Type"] = "application/json"
end

function request()
    local id = table.remove(pending)
    if id then
        return wrk.format("POST", "/feedback", nil, '{"decisionId":"' .. id .. '","reward":0.5}')
    end
    return wrk.format("POST", "/select", nil, select_body)
end

function response(status, headers, body)
    local id = body:match('"decisionId":"([^"]+)"')
    if id and body:match('"arm"') then
        table.insert(pending, id)
    end
end

function done(summary, latency, requests)
    local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.timeout
    io.write(string.format("non-2xx or socket errors: %d\n", errors))
end
