// Credentials a server echoes: cut by value from text, from a failed response's headers and from its
// body as it streams (a credential split across chunks included), within the response's bound.
import { describe, expect, it } from "vitest";
import { redact, redactedResponse, secretForms } from "../../generator/runtime/secrets.js";

const KEY = "qk_S3cret/key+1";
const forms = secretForms([KEY, "", "pw"]);

/** A response whose body arrives in the given chunks. */
function chunked(chunks: readonly string[], init: ResponseInit): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, init);
}

describe("secretForms and redact", () => {
  it("cuts each credential as sent and percent-encoded, the longest first, and skips an empty one", () => {
    expect(forms).toEqual([encodeURIComponent(KEY), KEY, "pw"]);
    expect(redact(`a=${encodeURIComponent(KEY)}&b=${KEY} pw`, forms)).toBe("a=[credential]&b=[credential] [credential]");
    expect(redact("nothing here", forms)).toBe("nothing here");
  });
});

describe("redactedResponse", () => {
  it("cuts a credential split across body chunks, and from every header, and drops content-length", async () => {
    const text = `Invalid API key ${KEY}, again ${KEY}`;
    const pieces = [text.slice(0, 20), text.slice(20, 21), text.slice(21, 38), text.slice(38)];
    const res = redactedResponse(
      chunked(pieces, {
        status: 401,
        statusText: "Unauthorized",
        headers: { link: `</x?api_key=${encodeURIComponent(KEY)}>; rel="next"`, "x-echo": KEY, "content-length": "99" },
      }),
      forms,
    );
    expect(res.status).toBe(401);
    expect(res.statusText).toBe("Unauthorized");
    expect(await res.text()).toBe("Invalid API key [credential], again [credential]");
    expect(Object.fromEntries(res.headers)).toEqual({ link: '</x?api_key=[credential]>; rel="next"', "x-echo": "[credential]" });
  });

  it("streams: a body never ends, yet the reader gets chunks and can cancel it", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode(`x${KEY}`.repeat(100)));
      },
    });
    const reader = redactedResponse(new Response(endless, { status: 500 }), forms).body!.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toMatch(/^(x\[credential\])+/);
    expect(new TextDecoder().decode(value)).not.toContain(KEY);
    await reader.cancel();
    expect(pulled).toBeLessThan(10);
  });

  it("keeps a response without a body bodiless (a 304)", async () => {
    const res = redactedResponse(new Response(null, { status: 304, headers: { etag: '"v1"' } }), forms);
    expect(res.body).toBeNull();
    expect(res.headers.get("etag")).toBe('"v1"');
  });
});
