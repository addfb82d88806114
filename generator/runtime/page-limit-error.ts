// The error of a listing that did not end within `maxPages`. In a module of its own (the package
// has no side effects), so that only a bundle that paginates carries the class and its name.
import { GitHubError } from "./errors.js";

/** A listing still had a next page after `maxPages` pages; `url` is the page not fetched. */
export class GitHubPageLimitError extends GitHubError {
  declare readonly maxPages: number;
}

// On the prototype, as errors.ts names its classes.
GitHubPageLimitError.prototype.name = "GitHubPageLimitError";
