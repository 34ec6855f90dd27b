// A result already in Go's JSON form (a struct marshalled elsewhere), placed into the envelope as it is.

/** JSON text to embed unchanged as `result`. */
export class RawJson {
  constructor(readonly json: string) {}
}
