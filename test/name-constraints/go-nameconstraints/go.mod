module cfssl-ts/test/go-nameconstraints

go 1.19
