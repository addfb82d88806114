// A run that could not do its job for a reason that is neither a problem of the spec (SpecError)
// nor a bug of the generator: a worker that ran out of memory or was lost, a dependency of the
// wrong version. The CLI prints its message as `error: …` and exits 1.
export class RunFailure extends Error {
  override readonly name = "RunFailure";
}
