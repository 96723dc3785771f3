-- wrk script for make bench: the same form POST with HTTP Basic client authentication to every
-- server, by default the client credentials token request. bench/run sets BENCH_BASIC to
-- base64(urlencode(client_id):urlencode(client_secret)) (RFC 6749 2.3.1) and BENCH_BODY to the form
-- body (the introspection benchmark sends token=...; unset means grant_type=client_credentials).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic " .. os.getenv("BENCH_BASIC")
wrk.body = os.getenv("BENCH_BODY") or "grant_type=client_credentials"

-- Counts answers other than 200, so a run of fast errors is not mistaken for a fast server.
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    non200 = 0
end

function response(status, headers, body)
    if status ~= 200 then
        non200 = non200 + 1
    end
end

function done(summary, latency, requests)
    local bad = 0
    for _, thread in ipairs(threads) do
        bad = bad + thread:get("non200")
    end
    io.write(string.format("non-200 responses: %d\n", bad))
end
