module cfssl-ts/bench

go 1.19
