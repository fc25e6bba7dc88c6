-- wrk script of bench/scale.sh: POST getAccountUserDurationList, page_size 500, a random page 1..@PAGES@
-- and a random sort per request, no filter (Scale wrk-script fills in @PATH@, @KEY@ and @PAGES@).
local path = "@PATH@"
local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer @KEY@"}
local sorts = {"asc", "desc"}

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  local body = string.format('{"page":%d,"page_size":500,"sort":"%s"}', math.random(1, @PAGES@), sorts[math.random(1, 2)])
  return wrk.format("POST", path, headers, body)
end
