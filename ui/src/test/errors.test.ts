import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { api, ApiError, toApiError } from "../lib/api";
import { clearError, showError } from "../components/notify";
import { byTestId } from "./helpers";

afterEach(() => {
  clearMocks();
  clearError();
});

describe("errors from Rust become sentences", () => {
  it("a {code, message} rejection is an ApiError with a human sentence", async () => {
    mockIPC(() => {
      throw { code: "not_found", message: "no release with id “abc”" };
    });
    const err = await api.openRelease("abc").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe("not_found");
    expect((err as ApiError).sentence).toBe("That release or revision could not be found. No release with id “abc”.");
  });

  it("unknown codes keep the message; strings and errors are wrapped", () => {
    expect(toApiError({ code: "weird_thing", message: "it broke" }).sentence).toBe("It broke.");
    expect(toApiError('{"code":"too_large","message":"the paste is 10 MB"}').sentence).toBe("That is too large to save. The paste is 10 MB.");
    expect(toApiError("plain failure").code).toBe("internal");
    expect(toApiError(undefined).sentence).toBe("Something went wrong inside Dateline.");
  });

  it("the banner shows the sentence, never the raw object", () => {
    showError({ code: "invalid_release", message: "headline: the headline is empty" }, "The revision was not saved");
    const banner = byTestId(document.body, "error-banner");
    expect(banner.getAttribute("role")).toBe("alert");
    expect(banner.dataset.code).toBe("invalid_release");
    expect(banner.textContent).toContain("The revision was not saved: The release has problems to fix first. Headline: the headline is empty.");
    expect(banner.textContent).not.toMatch(/[{}]|\[object/);
    byTestId(document.body, "error-dismiss").click();
    expect(document.querySelector('[data-testid="error-banner"]')).toBeNull();
  });
});
