-- wrk script for make bench: GET with a Hawk Authorization header that is used once.
-- bench/run signs the headers right before the run (bench/hawk-headers.mjs, fresh ts and a unique
-- nonce each) and sets BENCH_HAWK_HEADERS to their file prefix: wrk thread i sends the lines of
-- PREFIX.i in order, each once. The bare route gets the same script, so the client side costs
-- the same on both (a Lua request per request).
local threads = {}

function setup(thread)
    table.insert(threads, thread)
    thread:set("shard", #threads)
end

function init(args)
    non200 = 0
    exhausted = 0
    signed = {}
    local file = os.getenv("BENCH_HAWK_HEADERS") .. "." .. shard
    for line in io.lines(file) do
        signed[#signed + 1] = line
    end
    nextHeader = 1
    request_headers = {}
end

function request()
    local header = signed[nextHeader]
    if header == nil then
        -- Never resend a header (its nonce would be a replay): count it, stop this thread, and
        -- let bench/run reject the run.
        exhausted = exhausted + 1
        wrk.thread:stop()
        header = 'Hawk id="exhausted", ts="0", nonce="exhausted", mac="AAAA"'
    else
        signed[nextHeader] = nil
        nextHeader = nextHeader + 1
    end
    request_headers["Authorization"] = header
    return wrk.format("GET", nil, request_headers)
end

function response(status, headers, body)
    if status ~= 200 then
        non200 = non200 + 1
    end
end

function done(summary, latency, requests)
    local bad, short = 0, 0
    for _, thread in ipairs(threads) do
        bad = bad + thread:get("non200")
        short = short + thread:get("exhausted")
    end
    io.write(string.format("non-200 responses: %d\n", bad))
    io.write(string.format("hawk headers exhausted: %d\n", short))
end
