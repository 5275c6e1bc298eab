import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.ts"],
    rules: {
      // Data is rendered as text, never as markup.
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Render data with textContent or DOM nodes." },
        { property: "outerHTML", message: "Render data with textContent or DOM nodes." },
        { property: "insertAdjacentHTML", message: "Render data with textContent or DOM nodes." },
      ],
      "no-restricted-syntax": ["error", { selector: "CallExpression[callee.property.name='write'][callee.object.name='document']", message: "No document.write." }],
    },
  },
  {
    files: ["e2e/**/*.mjs", "scripts/**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", setTimeout: "readonly", clearTimeout: "readonly", URL: "readonly", Buffer: "readonly", fetch: "readonly", performance: "readonly", document: "readonly", window: "readonly", localStorage: "readonly", requestAnimationFrame: "readonly" } },
  },
);
