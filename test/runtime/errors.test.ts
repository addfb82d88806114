// Server text quoted in an error message: bounded, and unable to forge a log line or drive a terminal.
import { describe, expect, it } from "vitest";
import { apiError, clip } from "../../generator/runtime/errors.js";

describe("clip", () => {
  it("escapes control characters (CR, LF, ESC, NUL, C1, TAB, line separators) and keeps the rest as it is", () => {
    expect(clip("Not Found\r\n2026-12-05 getItem: 200\u001b[31m\u0000\u0085\u2028ok\tété ✓")).toBe(
      "Not Found%0D%0A2026-12-05 getItem: 200%1B[31m%00%85%u2028ok%09été ✓",
    );
  });

  it("cuts at 500 characters before escaping, so the message stays bounded", () => {
    const clipped = clip("\n".repeat(10_000));
    expect(clipped).toBe("%0A".repeat(500) + "…");
  });

  it("keeps a hostile server's message on one line in an ApiError", () => {
    const body = JSON.stringify({ message: "Not Found\n2026-12-05T12:00:00Z getItem: GET /x (attempt 1) 200 in 3 ms\u001b[31m" });
    const error = apiError("GET", "https://api.example.com/x", 404, {}, body);
    expect(error.message).toBe(
      "GET https://api.example.com/x → 404: Not Found%0A2026-12-05T12:00:00Z getItem: GET /x (attempt 1) 200 in 3 ms%1B[31m",
    );
    expect(/\p{Cc}/u.test(error.message)).toBe(false);
  });

  it("escapes the target of an unexpected redirect too", () => {
    const error = apiError("POST", "https://api.example.com/x", 302, { location: "/y\r\nSet-Cookie: a=b" }, "");
    expect(error.message).toBe("POST https://api.example.com/x → 302: unexpected redirect to /y%0D%0ASet-Cookie: a=b, not followed");
  });
});
