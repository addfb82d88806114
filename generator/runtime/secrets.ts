// Credentials a server echoes back (a 4xx that quotes the request, a Link that repeats the query):
// cut by value, not by parameter name, from what reaches errors, logs and hooks. Used by the generic
// profile, which knows the credentials it sent; GitHub's token never goes into a URL.

/** What stands for a credential in a message, a header or a URL. */
export const CUT = "[credential]";

/** The forms a credential may come back in: as sent, and percent-encoded (quoted in a URL). Longest first. */
export function secretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) if (secret) forms.add(secret).add(encodeURIComponent(secret));
  // Longest first: a credential that holds another is cut whole.
  return [...forms].sort((a, b) => b.length - a.length);
}

/** `text` with every form of a credential replaced by `[credential]`. */
export function redact(text: string, forms: readonly string[]): string {
  for (const form of forms) text = text.split(form).join(CUT);
  return text;
}

/**
 * A response that is not a success, with every credential cut from its headers and its body: the
 * request core quotes those in errors, and hands them to hooks. The body is cut as it streams, so
 * `maxResponseBytes` still bounds what is read, and only the longest credential's length is held back.
 */
export function redactedResponse(res: Response, forms: readonly string[]): Response {
  const headers = new Headers();
  // The length changes with the body; fetch has already decoded any content-encoding.
  res.headers.forEach((value, name) => {
    if (name !== "content-length") headers.append(name, redact(value, forms));
  });
  const body = res.body?.pipeThrough(new TextDecoderStream()).pipeThrough(redactStream(forms));
  return new Response(body?.pipeThrough(new TextEncoderStream()), {
    status: res.status,
    statusText: redact(res.statusText, forms),
    headers,
  });
}

/**
 * Cuts credentials from text that arrives in chunks: a credential may straddle two chunks, so the
 * last (longest form − 1) characters wait for the next chunk; any occurrence that ends sooner is cut now.
 */
function redactStream(forms: readonly string[]): TransformStream<string, string> {
  const held = forms[0]!.length - 1;
  let carry = "";
  return new TransformStream({
    transform(chunk, controller) {
      const text = redact(carry + chunk, forms);
      const at = Math.max(0, text.length - held);
      carry = text.slice(at);
      if (at) controller.enqueue(text.slice(0, at));
    },
    flush(controller) {
      if (carry) controller.enqueue(carry);
    },
  });
}
