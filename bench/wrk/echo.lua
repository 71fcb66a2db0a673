-- POST /echo with the same body as select.lua: the framework's ceiling.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"policy":"bench","context":{"task":"code","lang":"en","promptTokens":812,"tier":"pro","region":"eu",'
    .. '"urgent":true}}'
