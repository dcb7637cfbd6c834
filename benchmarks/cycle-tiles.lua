-- wrk script: each connection's requests walk a list of tile paths (one per line, the file given after "--"),
-- so a run spreads over many cached tiles instead of hammering one. Used by cache-vs-nginx.sh.
local paths = {}
local index = 0

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  -- Threads start at different offsets so that they do not ask for the same tile at the same moment.
  index = math.random(#paths)
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end
