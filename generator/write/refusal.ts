// An output folder the generator will not write: the message says why and how to proceed, in one
// line. The CLI prints it as `error: …; nothing was written.` and exits 1.
export class OutputRefusal extends Error {
  override readonly name = "OutputRefusal";
}
