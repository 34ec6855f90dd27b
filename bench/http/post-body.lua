-- wrk script: POST the JSON body in $BODY_FILE (a cfssl SignRequest) with Content-Type application/json.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = assert(io.open(os.getenv("BODY_FILE"), "r"))
wrk.body = f:read("*a")
f:close()
