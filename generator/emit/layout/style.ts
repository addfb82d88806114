// The prettier options every generated file is laid out in: the layout printer prints at this
// width, and every prettier call (formatting, and the tests that check the layout) uses these.
export const PRINT_WIDTH = 120;

export const PRETTIER_OPTIONS = { printWidth: PRINT_WIDTH, trailingComma: "all", endOfLine: "lf" } as const;
